package cn.huiqi.calendar;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.huiqi.testsupport.MariaDbTestDatabase;

/** {@link WorkingDaysOnRealDatesTestBase} on MariaDB (profile mysql's database), no Spring context. */
class WorkingDaysOnMariaDbTest extends WorkingDaysOnRealDatesTestBase {

    private static JdbcTemplate jdbc;

    @Override
    JdbcTemplate jdbc() {
        synchronized (WorkingDaysOnMariaDbTest.class) {
            if (jdbc == null) {
                String database = "huiqi_working_days";
                MariaDbTestDatabase.recreateOnce(database);
                jdbc = migrated(new DriverManagerDataSource(MariaDbTestDatabase.url(database), MariaDbTestDatabase.user(),
                        MariaDbTestDatabase.password()), " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");
            }
            return jdbc;
        }
    }
}
