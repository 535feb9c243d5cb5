package cn.huiqi.evidence;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code huiqi.evidence.store}: {@code database} (default) or {@code directory} (with {@code huiqi.evidence.directory}). */
@Configuration(proxyBeanMethods = false)
class EvidenceStores {

    @Bean
    EvidenceStore evidenceStore(@Value("${huiqi.evidence.store:database}") String store,
                                @Value("${huiqi.evidence.directory:}") String directory, JdbcTemplate jdbc) throws IOException {
        return switch (store.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "database" -> new DatabaseEvidenceStore(jdbc);
            case "directory" -> {
                if (directory.isBlank()) {
                    throw new IllegalStateException("huiqi.evidence.store=directory needs huiqi.evidence.directory (a directory all nodes share)");
                }
                yield new DirectoryEvidenceStore(Path.of(directory));
            }
            default -> throw new IllegalStateException("huiqi.evidence.store must be database or directory, not " + store);
        };
    }
}
