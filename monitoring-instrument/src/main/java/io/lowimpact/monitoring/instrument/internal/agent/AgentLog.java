package io.lowimpact.monitoring.instrument.internal.agent;

import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.MethodTooLargeException;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's log: {@code System.Logger} {@value #NAME}, behind the agent's own level ({@code log=}), and
 * once per key where asked, because the JVM swallows what a transformer throws and a class that fails once
 * fails again on every retransformation. The logger is looked up on first use, so an agent that has nothing
 * to say never starts the logging system. Every message is one line that says what happened and why
 * ({@link #reason}); the stack trace of the error behind it goes with it only at {@code log=debug}, since an
 * application's stderr is no place for the agent's stack traces. Logging never throws.
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
     * @param error the cause, or null; its stack trace is logged only at threshold {@link Level#DEBUG} (or lower)
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
            if (error == null || !isLoggable(Level.DEBUG)) {
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
     * @param error the cause, or null; as for {@link #log}
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

    /**
     * Why something failed, in one line for a log message. A method or class that grew past the class file's
     * limits with probes is named with its size; any other error gives its message (an
     * {@link IllegalArgumentException}'s message alone: it is Lowimpact's own, naming what is wrong), else its
     * class and message.
     *
     * @param error what was thrown
     * @return for example {@code method huge(I)I would have 77004 bytes of code with probes (at most 65535)}
     */
    static String reason(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof MethodTooLargeException) {
                MethodTooLargeException e = (MethodTooLargeException) t;
                return "method " + e.getMethodName() + e.getDescriptor() + " would have " + e.getCodeSize()
                        + " bytes of code with probes (at most 65535)";
            }
            if (t instanceof ClassTooLargeException) {
                return "its constant pool would have " + ((ClassTooLargeException) t).getConstantPoolCount()
                        + " entries with probes (at most 65535)";
            }
        }
        String message = error.getMessage();
        String text = error instanceof IllegalArgumentException && message != null ? message : error.toString();
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
