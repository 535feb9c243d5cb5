package cn.huiqi.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login protection of the built-in identity: {@code maxFailures} consecutive failed logins lock the
 * account for {@code lockDuration} (等保2.0 第三级 登录失败处理).
 */
@ConfigurationProperties("huiqi.login")
record LoginProperties(@DefaultValue("5") int maxFailures, @DefaultValue("PT30M") Duration lockDuration) {

    public LoginProperties {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("huiqi.login.max-failures must be at least 1");
        }
        if (lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("huiqi.login.lock-duration must be positive");
        }
    }
}
