package cn.huiqi.round;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * After the models are deployed (process.ModelDeployment runs first), a round without a pin for one of its
 * measure's tables (made by a migration or the demo data, or opened before the table existed) pins the
 * latest version, audited as a PINNED event by "system".
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RoundPinsAtStart implements ApplicationRunner {

    private final Rounds rounds;

    RoundPinsAtStart(Rounds rounds) {
        this.rounds = rounds;
    }

    @Override
    public void run(ApplicationArguments args) {
        rounds.pinMissing("system");
    }
}
