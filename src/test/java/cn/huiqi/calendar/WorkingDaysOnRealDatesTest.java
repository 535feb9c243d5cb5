package cn.huiqi.calendar;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link WorkingDaysOnRealDatesTestBase} on H2 (the quick start's database), no Spring context. */
class WorkingDaysOnRealDatesTest extends WorkingDaysOnRealDatesTestBase {

    private static JdbcTemplate jdbc;

    @Override
    JdbcTemplate jdbc() {
        synchronized (WorkingDaysOnRealDatesTest.class) {
            if (jdbc == null) {
                jdbc = migrated(new DriverManagerDataSource("jdbc:h2:mem:working_days;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE", "sa", ""), "");
            }
            return jdbc;
        }
    }
}
