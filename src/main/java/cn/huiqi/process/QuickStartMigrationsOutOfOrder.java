package cn.huiqi.process;

import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Flyway applies migrations out of order only on the quick start's file database: its demo data (db/demo,
 * V1000+) is numbered after the schema, so a quick-start database made by an earlier version must still take
 * schema migrations numbered below it. Every other database (MariaDB/MySQL, the tests' in-memory H2) migrates
 * strictly in order, the reproducible way, and Flyway has nothing to warn about, unless {@code
 * spring.flyway.out-of-order} says otherwise (the benchmark's seeded databases, which hold the demo data too).
 */
@Configuration(proxyBeanMethods = false)
class QuickStartMigrationsOutOfOrder {

    static final String QUICK_START_FILE_DATABASE = "jdbc:h2:file:";

    @Bean
    FlywayConfigurationCustomizer outOfOrderOnTheQuickStartFileDatabase(Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        return configuration -> {
            if (url.startsWith(QUICK_START_FILE_DATABASE)) {
                configuration.outOfOrder(true);
            }
        };
    }
}
