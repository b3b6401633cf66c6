package io.lowimpact.monitoring.instrument.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.MethodTooLargeException;

import java.lang.System.Logger.Level;
import java.util.List;

import org.junit.jupiter.api.Test;

class AgentLogTest {

    private final RecordingLogger logger = new RecordingLogger();

    @Test
    void levelsAtOrAboveTheThresholdAreLogged() {
        AgentLog log = logger.log(Level.INFO);
        assertFalse(log.isLoggable(Level.DEBUG));
        assertTrue(log.isLoggable(Level.INFO));
        assertTrue(log.isLoggable(Level.WARNING));
        assertTrue(log.isLoggable(Level.ERROR));
        log.log(Level.DEBUG, "hidden", null);
        log.log(Level.INFO, "shown", null);
        assertEquals(1, logger.entries.size());
        assertEquals("shown", logger.entries.get(0).message);
    }

    @Test
    void offLogsNothing() {
        AgentLog log = logger.log(Level.OFF);
        for (Level level : Level.values()) {
            assertFalse(log.isLoggable(level), level.getName());
        }
        log.log(Level.ERROR, "no", null);
        log.warnOnce("k", "no", null);
        assertEquals(List.of(), logger.entries);
    }

    @Test
    void warnOnceLogsEachKeyOnce() {
        AgentLog log = logger.log(Level.WARNING);
        log.warnOnce("a", "first a", null);
        log.warnOnce("a", "second a", null);
        log.warnOnce("b", "first b", null);
        assertEquals("[WARNING first a, WARNING first b]", logger.entries.toString());
    }

    @Test
    void aThrowingLoggerIsContained() {
        AgentLog log = new AgentLog(Level.WARNING, new RecordingLogger() {
            @Override
            public void log(Level level, java.util.ResourceBundle bundle, String msg, Throwable thrown) {
                throw new IllegalStateException("broken handler");
            }
        });
        log.log(Level.WARNING, "x", new RuntimeException());
    }

    @Test
    void stackTracesGoWithWarningsAtDebugOnly() {
        RuntimeException error = new RuntimeException("x");
        logger.log(Level.WARNING).log(Level.WARNING, "at warn", error);
        logger.log(Level.INFO).warnOnce("k", "at info", error);
        logger.log(Level.DEBUG).log(Level.WARNING, "at debug", error);
        assertEquals("[WARNING at warn, WARNING at info, WARNING at debug / java.lang.RuntimeException: x]",
                logger.entries.toString());
    }

    @Test
    void reasonNamesTheMethodOrClassThatGrewTooLarge() {
        assertEquals("method huge(I)I would have 70000 bytes of code with probes (at most 65535)",
                AgentLog.reason(new MethodTooLargeException("a/B", "huge", "(I)I", 70000)));
        assertEquals("method <init>()V would have 65536 bytes of code with probes (at most 65535)",
                AgentLog.reason(new IllegalStateException("wrapped",
                        new MethodTooLargeException("a/B", "<init>", "()V", 65536))));
        assertEquals("its constant pool would have 65536 entries with probes (at most 65535)",
                AgentLog.reason(new ClassTooLargeException("a/B", 65536)));
    }

    @Test
    void reasonIsOneLine() {
        assertEquals("class file version 50 of Old cannot hold invokedynamic probes (needs 51 or later)",
                AgentLog.reason(new IllegalArgumentException("class file version 50 of Old cannot hold invokedynamic"
                        + " probes (needs 51 or later)")));
        assertEquals("java.lang.IllegalStateException: no original offset for L1", AgentLog.reason(
                new IllegalStateException("no original offset for L1")));
        assertEquals("java.lang.StackOverflowError", AgentLog.reason(new StackOverflowError()));
        assertEquals("java.lang.IllegalArgumentException", AgentLog.reason(new IllegalArgumentException()));
        assertEquals("first line second line",
                AgentLog.reason(new IllegalArgumentException("first line\r\n  second line\n")));
    }

    @Test
    void describeNamesClassAndLoader() {
        assertEquals("com.acme.Foo (loader bootstrap)", AgentLog.describe("com/acme/Foo", null));
        ClassLoader named = new ClassLoader("plugins", null) {
        };
        String d = AgentLog.describe("com.acme.Foo", named);
        assertTrue(d.startsWith("com.acme.Foo (loader plugins@"), d);
    }
}
