package cn.huiqi.claim;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.huiqi.testsupport.MariaDbTestDatabase;

/** V14 on MariaDB (the mysql profile). */
@ActiveProfiles("mysql")
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class CaseCoreMigrationOnMariaDbTest extends CaseCoreMigrationTestBase {

    @DynamicPropertySource
    static void previousSchema(DynamicPropertyRegistry registry) {
        String database = "huiqi_case_core_migration";
        MariaDbTestDatabase.register(registry, database);
        prepare(MariaDbTestDatabase.url(database), MariaDbTestDatabase.user(), MariaDbTestDatabase.password(),
                " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");
    }
}
