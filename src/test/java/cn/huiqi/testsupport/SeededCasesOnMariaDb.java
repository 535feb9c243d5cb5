package cn.huiqi.testsupport;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app on MariaDB with {@link #CASES} case rows seeded by SQL ({@link CaseRows}) and one user per role;
 * the list tests and the list attack test share this context (and its database) through this base class.
 */
@ActiveProfiles("mysql")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.job-execution.enabled=false")
public abstract class SeededCasesOnMariaDb {

    public static final int CASES = 5_000;
    protected static final String PASSWORD = "Lt-Secret-2023";
    /** User id → its one group. */
    public static final Map<String, String> USERS = Map.of("lt-admin", "camunda-admin", "lt-auditor", "auditor",
            "lt-donghu", "donghu", "lt-xihu", "xihu", "lt-gxj", "gxj", "lt-swj", "swj", "lt-czj", "czj",
            "lt-ent", "enterprise", "lt-ent-none", "enterprise");

    private static List<Long> enterprises;

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        // its own database (docs/testing.md): the list tests count the seeded rows
        MariaDbTestDatabase.register(registry, "huiqi_caselist");
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected IdentityService identityService;

    @BeforeEach
    void seeded() {
        synchronized (SeededCasesOnMariaDb.class) {
            if (enterprises == null) {
                USERS.forEach((user, group) -> TestUsers.person(identityService, user, group, PASSWORD));
                enterprises = CaseRows.seed(jdbc, CASES);
                if (jdbc.queryForObject("SELECT COUNT(*) FROM enterprise_user WHERE user_id = 'lt-ent'", Integer.class) == 0) {
                    jdbc.update("INSERT INTO enterprise_user (user_id, enterprise_id) VALUES ('lt-ent', ?)", enterprises.get(0));
                }
                jdbc.execute("ANALYZE TABLE case_record, reward_claim, case_review_unit");
            }
        }
    }

    /** The seeded enterprises; lt-ent acts for the first. */
    protected static List<Long> enterprises() {
        return enterprises;
    }

    protected HttpApi api(String user) {
        return HttpApi.as(port, user, PASSWORD);
    }
}
