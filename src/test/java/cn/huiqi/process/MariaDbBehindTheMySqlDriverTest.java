package cn.huiqi.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.junit.jupiter.api.Test;

class MariaDbBehindTheMySqlDriverTest {

    private final MariaDbBehindTheMySqlDriver resolver = new MariaDbBehindTheMySqlDriver();

    @Test
    void mariaDbReachedThroughTheMySqlDriverGetsTheMariaDbDialectOfItsRealVersion() {
        Dialect dialect = resolver.resolveDialect(server("MySQL", "5.5.5-10.11.6-MariaDB-0+deb12u1"));

        assertThat(dialect).isInstanceOf(MariaDBDialect.class);
        DatabaseVersion version = dialect.getVersion();
        assertThat(List.of(version.getDatabaseMajorVersion(), version.getDatabaseMinorVersion(),
                version.getDatabaseMicroVersion())).containsExactly(10, 11, 6);
    }

    @Test
    void mySqlItselfIsLeftToHibernate() {
        assertThat(resolver.resolveDialect(server("MySQL", "8.0.39"))).isNull();
        assertThat(resolver.resolveDialect(server("H2", "2.3.232 (2024-08-11)"))).isNull();
    }

    private static DialectResolutionInfo server(String name, String version) {
        return new DialectResolutionInfo() {
            @Override public String getDatabaseName() { return name; }
            @Override public String getDatabaseVersion() { return version; }
            @Override public int getDatabaseMajorVersion() { return 5; }
            @Override public int getDatabaseMinorVersion() { return 5; }
            @Override public String getDriverName() { return "MySQL Connector/J"; }
            @Override public int getDriverMajorVersion() { return 9; }
            @Override public int getDriverMinorVersion() { return 0; }
            @Override public String getSQLKeywords() { return ""; }
        };
    }
}
