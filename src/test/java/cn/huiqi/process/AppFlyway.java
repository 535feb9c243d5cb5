package cn.huiqi.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.migration.baseline.BaselineJavaMigration;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * Flyway as Spring Boot configures it for the application: the locations and placeholder of a profile, and as Java
 * migrations every {@code @Component} JavaMigration of cn.huiqi (the beans Spring Boot hands Flyway; V42 in db.migration
 * is found by Flyway itself). {@link #versionedOnly} leaves the baseline migrations out: the way every database was made
 * before B58; {@link #versionedUpTo} also the Java migrations after a version: the way an earlier version of the
 * application made its database. Public for the migration tests of other modules (round's V59).
 */
public final class AppFlyway {

    public static final String MYSQL_TABLE_OPTIONS = " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";

    private AppFlyway() {
    }

    public static FluentConfiguration withBaseline(DataSource dataSource, String tableOptions, String... locations) {
        return configure(dataSource, tableOptions, locations, componentMigrations());
    }

    public static FluentConfiguration versionedOnly(DataSource dataSource, String tableOptions, String... locations) {
        return configure(dataSource, tableOptions, locations, versioned());
    }

    /**
     * As {@link #versionedOnly}, with the Java migrations up to {@code version} only: those an earlier version of the
     * application had, so that a run of other locations (its demo data) takes none of the later ones. Its SQL migrations
     * are the locations' up to the caller's target.
     */
    public static FluentConfiguration versionedUpTo(String version, DataSource dataSource, String tableOptions, String... locations) {
        MigrationVersion last = MigrationVersion.fromVersion(version);
        List<JavaMigration> earlier = versioned().stream().filter(m -> m.getVersion() == null || !m.getVersion().isNewerThan(last)).toList();
        return configure(dataSource, tableOptions, locations, earlier);
    }

    private static List<JavaMigration> versioned() {
        return componentMigrations().stream().filter(m -> !(m instanceof BaselineJavaMigration)).toList();
    }

    private static FluentConfiguration configure(DataSource dataSource, String tableOptions, String[] locations,
                                                 List<JavaMigration> javaMigrations) {
        return Flyway.configure().dataSource(dataSource).locations(locations)
                .placeholders(Map.of("tableOptions", tableOptions))
                .javaMigrations(javaMigrations.toArray(JavaMigration[]::new));
    }

    static List<JavaMigration> componentMigrations() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        List<JavaMigration> migrations = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("cn.huiqi")) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                if (JavaMigration.class.isAssignableFrom(type)) {
                    migrations.add((JavaMigration) type.getDeclaredConstructor().newInstance());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(candidate.getBeanClassName(), e);
            }
        }
        return migrations;
    }
}
