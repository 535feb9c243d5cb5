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

    /** Camunda's command-context logger, which logs every refused command at ERROR with its stack (ENGINE-16004). */
    public static final String ENGINE_COMMANDS = "org.camunda.bpm.engine.context";

    /** The loggers off until {@code close()}: for a whole test class that replays refusals (@BeforeEach / @AfterEach). */
    public static AutoCloseable off(String... loggerNames) {
        Map<Logger, Level> before = new LinkedHashMap<>();
        for (String name : loggerNames) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            before.put(logger, logger.getLevel());
            logger.setLevel(Level.OFF);
        }
        return () -> before.forEach(Logger::setLevel);
    }

    /** Runs the call with the loggers off, for {@code assertThatThrownBy(QuietLoggers.during(call, "logger"))}. */
    public static ThrowingCallable during(ThrowingCallable call, String... loggerNames) {
        return () -> {
            try (AutoCloseable quiet = off(loggerNames)) {
                call.call();
            }
        };
    }
}
