package io.lowimpact.monitoring.instrument.internal.agent;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's log: {@code System.Logger} {@value #NAME}, behind the agent's own level ({@code log=}), and
 * once per key where asked, because the JVM swallows what a transformer throws and a class that fails once
 * fails again on every retransformation. The logger is looked up on first use, so an agent that has nothing
 * to say never starts the logging system. Logging never throws.
 *
 * <p>Thread-safe.
 */
public final class AgentLog {

    /** The name of the agent's {@code System.Logger}. */
    public static final String NAME = "io.lowimpact.monitoring.agent";

    private final Level threshold;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();
    private volatile Logger logger;

    AgentLog(Level threshold, Logger logger) {
        this.threshold = threshold;
        this.logger = logger;
    }

    /**
     * @param threshold the least severe level to log; {@link Level#OFF} for nothing
     * @return a log writing to {@code System.getLogger(NAME)}
     */
    public static AgentLog system(Level threshold) {
        return new AgentLog(threshold, null);
    }

    /**
     * @param level a level
     * @return whether messages of that level are logged
     */
    boolean isLoggable(Level level) {
        return threshold != Level.OFF && level != Level.OFF && level.getSeverity() >= threshold.getSeverity();
    }

    /**
     * Logs a message.
     *
     * @param level the level
     * @param message the message
     * @param error the cause, or null
     */
    void log(Level level, String message, Throwable error) {
        if (!isLoggable(level)) {
            return;
        }
        try {
            Logger l = logger;
            if (l == null) {
                l = System.getLogger(NAME);
                logger = l;
            }
            if (error == null) {
                l.log(level, message);
            } else {
                l.log(level, message, error);
            }
        } catch (Throwable ignored) {
            // A broken logging set-up must not break class loading; nothing is left to tell.
        }
    }

    /**
     * Logs a warning unless one was logged with the same key before.
     *
     * @param key what the warning is about, for example a class and its loader
     * @param message the message
     * @param error the cause, or null
     */
    void warnOnce(String key, String message, Throwable error) {
        if (isLoggable(Level.WARNING) && logged.add(key)) {
            log(Level.WARNING, message, error);
        }
    }

    /**
     * Describes a class and its loader, as a key for {@link #warnOnce} and for messages.
     *
     * @param className the class's name, binary or internal
     * @param loader its defining loader, null for the bootstrap loader
     * @return for example {@code com.acme.Foo (loader app)}
     */
    static String describe(String className, ClassLoader loader) {
        String loaderName;
        if (loader == null) {
            loaderName = "bootstrap";
        } else {
            loaderName = loader.getName() != null ? loader.getName() : loader.getClass().getName();
            loaderName += "@" + Integer.toHexString(System.identityHashCode(loader));
        }
        return className.replace('/', '.') + " (loader " + loaderName + ")";
    }
}
