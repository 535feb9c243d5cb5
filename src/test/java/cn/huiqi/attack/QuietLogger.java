package cn.huiqi.attack;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/**
 * Silences one logger while a test replays refusals that the engine logs with a stack trace (e.g. Camunda's
 * ENGINE-16004 for every refused deployment), without a context of its own; the level comes back on close.
 */
final class QuietLogger implements AutoCloseable {

    private final Logger logger;
    private final Level before;

    private QuietLogger(String name) {
        this.logger = (Logger) LoggerFactory.getLogger(name);
        this.before = logger.getLevel();
        logger.setLevel(Level.OFF);
    }

    /** Camunda's command-context logger, which logs every refused command at ERROR. */
    static QuietLogger engineCommands() {
        return new QuietLogger("org.camunda.bpm.engine.context");
    }

    @Override
    public void close() {
        logger.setLevel(before);
    }
}
