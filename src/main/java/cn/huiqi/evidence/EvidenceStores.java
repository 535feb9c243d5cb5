package cn.huiqi.evidence;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code huiqi.evidence.store}: {@code database} (default), {@code directory} (with {@code huiqi.evidence.directory})
 * or {@code s3} (with {@code huiqi.evidence.s3.*}: endpoint, region, bucket, access-key, secret-key, path-style,
 * key-prefix; the keys best from the environment, e.g. HUIQI_EVIDENCE_S3_SECRET_KEY). A missing setting stops the
 * start, naming it (never its value).
 */
@Configuration(proxyBeanMethods = false)
class EvidenceStores {

    @Bean
    EvidenceStore evidenceStore(@Value("${huiqi.evidence.store:database}") String store,
                                @Value("${huiqi.evidence.directory:}") String directory, JdbcTemplate jdbc, Environment env) throws IOException {
        return switch (store.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "database" -> new DatabaseEvidenceStore(jdbc);
            case "directory" -> {
                if (directory.isBlank()) {
                    throw new IllegalStateException("huiqi.evidence.store=directory needs huiqi.evidence.directory (a directory all nodes share)");
                }
                yield new DirectoryEvidenceStore(Path.of(directory));
            }
            case "s3" -> new S3EvidenceStore(s3Settings(env));
            default -> throw new IllegalStateException("huiqi.evidence.store must be database, directory or s3, not " + store);
        };
    }

    static S3EvidenceStore.Settings s3Settings(Environment env) {
        List<String> missing = new ArrayList<>();
        String bucket = required(env, "bucket", missing);
        String accessKey = required(env, "access-key", missing);
        String secretKey = required(env, "secret-key", missing);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("huiqi.evidence.store=s3 needs " + String.join(", ", missing));
        }
        String prefix = env.getProperty("huiqi.evidence.s3.key-prefix", "").strip();
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix += "/";
        }
        return new S3EvidenceStore.Settings(env.getProperty("huiqi.evidence.s3.endpoint", "").strip(),
                env.getProperty("huiqi.evidence.s3.region", "us-east-1").strip(), bucket, accessKey, secretKey,
                env.getProperty("huiqi.evidence.s3.path-style", Boolean.class, true), prefix,
                env.getProperty("huiqi.evidence.s3.connect-timeout", Duration.class, Duration.ofSeconds(5)),
                env.getProperty("huiqi.evidence.s3.request-timeout", Duration.class, Duration.ofSeconds(60)));
    }

    private static String required(Environment env, String key, List<String> missing) {
        String value = env.getProperty("huiqi.evidence.s3." + key, "").strip();
        if (value.isEmpty()) {
            missing.add("huiqi.evidence.s3." + key);
        }
        return value;
    }
}
