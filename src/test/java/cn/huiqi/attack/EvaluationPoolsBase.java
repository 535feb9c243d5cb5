package cn.huiqi.attack;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import cn.huiqi.testsupport.MariaDbTestDatabase;

/** Measures 5 and 6 with their pools set for the tests: 2,000万 and 1,000万 (the shipped caps are 0: not set). */
@TestPropertySource(properties = {"huiqi.fund.caps.M5=20000000.00", "huiqi.fund.caps.M6=10000000.00"})
abstract class EvaluationPoolsBase extends EvaluationProcessBase {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        MariaDbTestDatabase.register(registry, "huiqi_evalproc");
    }
}
