package cn.huiqi.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/**
 * Silences the named loggers while a test provokes a failure it expects (and asserts), so a green run prints no
 * stack trace for it; the levels are restored right after. Only around the one call: the same loggers report
 * every unexpected failure as before.
 */
public final class QuietLoggers {

    private QuietLoggers() {
    }

    /** Runs the call with the loggers off, for {@code assertThatThrownBy(QuietLoggers.during(call, "logger"))}. */
    public static ThrowingCallable during(ThrowingCallable call, String... loggerNames) {
        return () -> {
            Map<Logger, Level> before = new LinkedHashMap<>();
            for (String name : loggerNames) {
                Logger logger = (Logger) LoggerFactory.getLogger(name);
                before.put(logger, logger.getLevel());
                logger.setLevel(Level.OFF);
            }
            try {
                call.call();
            } finally {
                before.forEach(Logger::setLevel);
            }
        };
    }
}
