package io.lowimpact.monitoring.instrument.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void s38_nullOrBlankGiveTheDefaults() {
        assertSame(AgentOptions.defaults(), AgentOptions.parse(null));
        assertSame(AgentOptions.defaults(), AgentOptions.parse(""));
        assertSame(AgentOptions.defaults(), AgentOptions.parse("  "));
        AgentOptions d = AgentOptions.defaults();
        assertEquals(List.of(), d.includes());
        assertEquals(List.of(), d.excludes());
        assertEquals(Level.WARNING, d.logLevel());
        assertEquals(EventSet.NONE, d.probes());
        assertNull(d.dump());
        assertTrue(d.rewriterC1Only());
        assertEquals("log=warn", d.toString());
    }

    @Test
    void s38_parsesEveryKey() {
        AgentOptions o = AgentOptions.parse("include=com.acme.*:org.foo.**,exclude=com.acme.Gen*;com.acme.?x,"
                + "log=debug,probes=LINE+branch,dump=target/dump,rewriter=c2");
        assertEquals(List.of("com.acme.*", "org.foo.**"), o.includes());
        assertEquals(List.of("com.acme.Gen*", "com.acme.?x"), o.excludes());
        assertEquals(Level.DEBUG, o.logLevel());
        assertEquals(EventSet.of(Event.LINE, Event.BRANCH_LEFT, Event.BRANCH_RIGHT), o.probes());
        assertEquals(Path.of("target/dump"), o.dump());
        assertFalse(o.rewriterC1Only());
    }

    @Test
    void s38_rewriterTakesTheCompilersOfTheRewritesCode() {
        assertTrue(AgentOptions.parse("rewriter=C1").rewriterC1Only());
        assertFalse(AgentOptions.parse("rewriter=c2").rewriterC1Only());
        assertEquals("log=warn", AgentOptions.parse("rewriter=c1").toString());
        assertEquals("log=warn,rewriter=c2", AgentOptions.parse("rewriter=c2").toString());
        assertEquals("invalid value 'c3' of agent option 'rewriter' (must be c1 or c2)",
                assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("rewriter=c3")).getMessage());
    }

    @Test
    void s38_dumpTakesAPath() {
        assertEquals(Path.of("/tmp/classes dumped"), AgentOptions.parse("dump= /tmp/classes dumped ").dump());
        assertEquals("log=warn,dump=d", AgentOptions.parse("dump=d").toString());
        assertEquals("agent option 'dump' needs a value (dump=...)",
                assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("dump=")).getMessage());
        assertEquals("agent option 'dump' is given twice",
                assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("dump=a,dump=b")).getMessage());
        assertEquals("invalid value 'a\0b' of agent option 'dump' (must be a directory path: Nul character not"
                + " allowed)", assertThrows(IllegalArgumentException.class,
                        () -> AgentOptions.parse("dump=a\0b")).getMessage());
    }

    @Test
    void s38_blanksAndEmptyPairsAreIgnored() {
        AgentOptions o = AgentOptions.parse(" include = a.* : b.* ,, log=INFO ,");
        assertEquals(List.of("a.*", "b.*"), o.includes());
        assertEquals(Level.INFO, o.logLevel());
    }

    @Test
    void s38_logLevels() {
        assertEquals(Level.OFF, AgentOptions.parse("log=off").logLevel());
        assertEquals(Level.WARNING, AgentOptions.parse("log=warn").logLevel());
        assertEquals(Level.INFO, AgentOptions.parse("log=info").logLevel());
        assertEquals(Level.DEBUG, AgentOptions.parse("log=Debug").logLevel());
    }

    @Test
    void s38_toStringParsesBackToTheSameOptions() {
        String text = "include=com.acme.**,exclude=com.acme.gen.*,log=off,probes=METHOD_START+LINE,dump=out/classes,"
                + "rewriter=c2";
        AgentOptions o = AgentOptions.parse(text);
        assertEquals(text, o.toString());
        assertEquals(o.toString(), AgentOptions.parse(o.toString()).toString());
    }

    @Test
    void s38_unknownOptionIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AgentOptions.parse("log=info,includes=com.acme.*"));
        assertEquals("unknown agent option 'includes' (known: include, exclude, log, probes, dump, rewriter)",
                e.getMessage());
    }

    @Test
    void s38_optionWithoutValueIsRefused() {
        assertEquals("agent option 'include' needs a value (include=...)",
                assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("include")).getMessage());
        assertEquals("agent option 'log' needs a value (log=...)",
                assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("log=")).getMessage());
    }

    @Test
    void s38_repeatedOptionIsRefused() {
        assertEquals("agent option 'exclude' is given twice", assertThrows(IllegalArgumentException.class,
                () -> AgentOptions.parse("exclude=a.*,exclude=b.*")).getMessage());
    }

    @Test
    void s38_badLogLevelIsNamed() {
        assertEquals("invalid value 'verbose' of agent option 'log' (must be off, warn, info or debug)",
                assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("log=verbose")).getMessage());
    }

    @Test
    void s38_badGlobIsNamed() {
        assertEquals("invalid glob 'com.acme.[a-z]*' in agent option 'include' (a glob holds class-name"
                + " characters, '.', and the wildcards *, ** and ?)", assertThrows(IllegalArgumentException.class,
                        () -> AgentOptions.parse("include=com.acme.[a-z]*")).getMessage());
        assertEquals("agent option 'exclude' has an empty glob in 'a.*::b.*'",
                assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("exclude=a.*::b.*"))
                        .getMessage());
    }

    @Test
    void s38_unknownProbeEventIsNamed() {
        assertEquals("invalid event 'LINES' in agent option 'probes=LINE+LINES' (events are joined with +, for"
                + " example probes=LINE+BRANCH)", assertThrows(IllegalArgumentException.class,
                        () -> AgentOptions.parse("probes=LINE+LINES")).getMessage());
    }

    @Test
    void s38_probesRefuseInjectionOnlyEvents() {
        for (String name : List.of("METHOD_RESUME", "METHOD_YIELD", "STOP_ITERATION", "METHOD_THROW")) {
            assertEquals("invalid event " + name + " in agent option 'probes' (no bytecode probe fires it; only"
                    + " the injection API does)", assertThrows(IllegalArgumentException.class,
                            () -> AgentOptions.parse("probes=" + name)).getMessage());
        }
    }
}
