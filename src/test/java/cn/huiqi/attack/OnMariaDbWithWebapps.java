package cn.huiqi.attack;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.huiqi.testsupport.MariaDbTestDatabase;

/**
 * The whole application with web server and webapps in profile {@code mysql} on its own MariaDB
 * database, job executor off (tests run jobs themselves); one context shared by the attack tests that
 * extend it. The profile has no demo accounts: each test makes its own people (distinct ids per class).
 */
@ActiveProfiles("mysql")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "camunda.bpm.job-execution.enabled=false")
abstract class OnMariaDbWithWebapps {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        // its own database (docs/testing.md): SettlementRaceAttackTest starts from no settlement at all
        MariaDbTestDatabase.register(registry, "huiqi_attack_web");
    }

    @LocalServerPort
    int port;
}
