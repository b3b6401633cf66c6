package io.lowimpact.monitoring.instrument.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void describeNamesClassAndLoader() {
        assertEquals("com.acme.Foo (loader bootstrap)", AgentLog.describe("com/acme/Foo", null));
        ClassLoader named = new ClassLoader("plugins", null) {
        };
        String d = AgentLog.describe("com.acme.Foo", named);
        assertTrue(d.startsWith("com.acme.Foo (loader plugins@"), d);
    }
}
