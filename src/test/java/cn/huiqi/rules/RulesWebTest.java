package cn.huiqi.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application in the quick-start profile (demo accounts, password "demo") on a private
 * in-memory H2 with a web server, shared by the rules tests through Spring's context cache.
 * The M2 pool cap is set to 3,100,000.00 here so the what-if's pool check has something to pass.
 * In this context order-reward and responsible-units belong to {@link RulesApiTest} and
 * {@link RulesPageBrowserTest} (assertions relative to the version in force); growth-reward and its cases
 * belong to {@link WhatIfNumbersTest} alone (exact numbers).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=" + RulesWebTest.DATABASE_URL,
        "camunda.bpm.job-execution.enabled=false",
        "huiqi.fund.caps.M2=3100000.00"})
public @interface RulesWebTest {

    String DATABASE_URL = "jdbc:h2:mem:rules;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE";
}
