package cn.huiqi.process;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Gives Hibernate the MariaDB dialect of the server's real version when MariaDB is reached through
 * mysql-connector-j. The driver reports MariaDB as "MySQL" with the version "5.5.5-10.11.6-MariaDB-…" (the
 * 5.5.5 prefix MariaDB sends for old MySQL clients), so Hibernate alone picks MySQLDialect for MySQL 5.5.5
 * and warns that it is no longer supported (HHH000511). MySQL itself falls through to Hibernate's own choice.
 * Registered as {@code hibernate.dialect_resolvers} in application.yml.
 */
public class MariaDbBehindTheMySqlDriver implements DialectResolver {

    private static final Pattern MARIADB_VERSION = Pattern.compile("(?:5\\.5\\.5-)?(\\d+)\\.(\\d+)\\.(\\d+)-MariaDB.*");

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        String version = info.getDatabaseVersion();
        if (version == null) {
            return null;
        }
        Matcher matcher = MARIADB_VERSION.matcher(version);
        if (!matcher.matches()) {
            return null;
        }
        return new MariaDBDialect(DatabaseVersion.make(Integer.parseInt(matcher.group(1)),
                Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3))));
    }
}
