package cn.huiqi.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.huiqi.process.AppFlyway;
import cn.huiqi.testsupport.MariaDbTestDatabase;

/**
 * {@link V62__Case_locality_index_dropped} on both databases: the locality's single-column index is gone, the locality's
 * composite indexes and the foreign key stay, and the key still refuses a case of an unknown locality.
 */
class CaseLocalityIndexDroppedTest {

    @Test
    void onH2() throws SQLException {
        check(new DriverManagerDataSource("jdbc:h2:mem:v62_locality;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE", "sa", ""), "");
    }

    @Test
    void onMariaDb() throws SQLException {
        String database = MariaDbTestDatabase.name("huiqi_v62_locality");
        MariaDbTestDatabase.recreateOnce(database);
        check(new DriverManagerDataSource(MariaDbTestDatabase.url(database), MariaDbTestDatabase.user(), MariaDbTestDatabase.password()),
                AppFlyway.MYSQL_TABLE_OPTIONS);
    }

    private static void check(DataSource dataSource, String tableOptions) throws SQLException {
        AppFlyway.withBaseline(dataSource, tableOptions, "classpath:db/migration").load().migrate();

        assertThat(indexesOfCaseRecord(dataSource)).doesNotContain("ix_case_locality")
                .contains("ix_case_list_locality", "ix_case_list_locality_status");

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO enterprise (uscc, name, locality_unit_id, contact_name, contact_phone, created_at) "
                + "VALUES ('91360102MA35TZ0055', '索引测试企业有限公司', 'donghu', '张三', '13800000000', CURRENT_TIMESTAMP)");
        long enterprise = jdbc.queryForObject("SELECT id FROM enterprise", Long.class);
        String insert = "INSERT INTO case_record (case_number, measure, applicant_kind, enterprise_id, applicant_key, locality_unit_id, "
                + "subject_key, status, application_json, submitted_by, submitted_at, updated_at, row_version) VALUES (?, 'M2', "
                + "'ENTERPRISE', ?, ?, ?, ?, 'CITY_REVIEW', '{}', 'u', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)";
        jdbc.update(insert, "M2-2024-000001", enterprise, "E:" + enterprise, "donghu", "S1");
        assertThatThrownBy(() -> jdbc.update(insert, "M2-2024-000002", enterprise, "E:" + enterprise, "nowhere", "S2"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static List<String> indexesOfCaseRecord(DataSource dataSource) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            String table = connection.getMetaData().storesUpperCaseIdentifiers() ? "CASE_RECORD" : "case_record";
            try (ResultSet indexes = connection.getMetaData().getIndexInfo(connection.getCatalog(), null, table, false, false)) {
                while (indexes.next()) {
                    String name = indexes.getString("INDEX_NAME");
                    if (name != null) {
                        names.add(name.toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }
}
