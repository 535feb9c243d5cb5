package cn.huiqi.claim;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** V14 on H2 (the quick start's database). */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
class CaseCoreMigrationTest extends CaseCoreMigrationTestBase {

    private static final String URL = "jdbc:h2:mem:casecoremigration;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE";

    @DynamicPropertySource
    static void previousSchema(DynamicPropertyRegistry registry) {
        prepare(URL, "sa", "", "");
        registry.add("spring.datasource.url", () -> URL);
    }
}
