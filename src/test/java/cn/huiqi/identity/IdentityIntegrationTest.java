package cn.huiqi.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application in the default (quick-start) profile on a private in-memory H2, shared by every
 * test class of this package through Spring's context cache.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=" + IdentityIntegrationTest.DATABASE_URL,
                // short, so LoginLockoutTest sees a lock end; max-failures stays the default 5
                "huiqi.login.lock-duration=" + IdentityIntegrationTest.LOCK_DURATION})
@Import({CallerEchoController.class, TestProcessContracts.class})

public @interface IdentityIntegrationTest {

    String DATABASE_URL = "jdbc:h2:mem:sec;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE";
    String LOCK_DURATION = "PT4S";
}
