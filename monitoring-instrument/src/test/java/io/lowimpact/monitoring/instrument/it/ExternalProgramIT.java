package io.lowimpact.monitoring.instrument.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.instrument.testing.ChildJvm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A program compiled at test time, outside the build's class path, run with the agent as users run it. */
class ExternalProgramIT {

    private static final String HELLO = "agent installed: true\n"
            + "runtime in the bootstrap loader: true\n"
            + "tool 1: hello\n"
            + "found: templates.page.render in page.tmpl, same unit: true\n"
            + "tool 1 after close: free\n";

    @TempDir
    Path tmp;

    @Test
    void s38_javaagentRunsAProgramThatIsNotOnTheBuildsClassPath() throws Exception {
        ChildJvm.Result r = Programs.runUnderAgent(tmp, "hello");
        assertEquals(HELLO, r.out, r::toString);
        assertEquals("", r.errWithoutJvmNotes(), r::toString);
    }

    @Test
    void s38_optionsAreAccepted() throws Exception {
        Path classes = Programs.compile("hello", tmp.resolve("classes"));
        ChildJvm.Result r = Programs.java(tmp, "-javaagent:" + Programs.AGENT_JAR
                + "=include=com.acme.**:Main,exclude=com.acme.gen.*,log=debug,probes=LINE+BRANCH",
                "-cp", classes.toString(), "Main").assertSuccess();
        assertEquals(HELLO, r.out, r::toString);
    }

    @Test
    void s38_launcherAgentClassStartsTheAgentForJavaJar() throws Exception {
        Path classes = Programs.compile("hello", tmp.resolve("classes"));
        Files.copy(Programs.AGENT_JAR, tmp.resolve("monitoring-agent.jar"));
        Path app = Programs.jar(classes, tmp.resolve("app.jar"), Map.of("Main-Class", "Main",
                "Class-Path", "monitoring-agent.jar",
                "Launcher-Agent-Class", "io.lowimpact.monitoring.instrument.MonitoringAgent",
                "Can-Retransform-Classes", "true"), "Main");
        ChildJvm.Result r = Programs.java(tmp, "-jar", app.toString()).assertSuccess();
        assertEquals(HELLO, r.out, r::toString);
    }

    @Test
    void s38_unknownOptionStopsTheJvmWithItsName() throws Exception {
        Path classes = Programs.compile("hello", tmp.resolve("classes"));
        ChildJvm.Result r = Programs.java(tmp, "-javaagent:" + Programs.AGENT_JAR + "=log=info,bogus=1",
                "-cp", classes.toString(), "Main");
        assertNotEquals(0, r.exitCode, r::toString);
        assertFalse(r.out.contains("agent installed"), r::toString);
        assertTrue(r.err.contains("java.lang.IllegalArgumentException: unknown agent option 'bogus'"
                + " (known: include, exclude, log, probes, dump, rewriter)"), r::toString);
    }

    @Test
    void s38_badValueStopsTheJvmWithItsName() throws Exception {
        Path classes = Programs.compile("hello", tmp.resolve("classes"));
        ChildJvm.Result r = Programs.java(tmp, "-javaagent:" + Programs.AGENT_JAR + "=log=verbose",
                "-cp", classes.toString(), "Main");
        assertNotEquals(0, r.exitCode, r::toString);
        assertTrue(r.err.contains("invalid value 'verbose' of agent option 'log' (must be off, warn, info or debug)"),
                r::toString);
    }

    /** design.md R4: every kind of invalid option stops the JVM with a message that names the option. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "log=info,log=warn | agent option 'log' is given twice",
        "include= | agent option 'include' needs a value (include=...)",
        "probes | agent option 'probes' needs a value (probes=...)",
        "include=com.acme.**::Main | agent option 'include' has an empty glob in 'com.acme.**::Main'",
        "exclude=com.acme.(gen) | invalid glob 'com.acme.(gen)' in agent option 'exclude'",
        "probes=LINE+NOPE | invalid event 'NOPE' in agent option 'probes=LINE+NOPE'",
        "probes=line+method_resume | invalid event METHOD_RESUME in agent option 'probes'",
        "Include=Main | unknown agent option 'Include' (known: include, exclude, log, probes, dump, rewriter)"})
    void r4_invalidOptionStopsTheJvmWithItsName(String options, String message) throws Exception {
        Path classes = Programs.compile("hello", tmp.resolve("classes"));
        ChildJvm.Result r = Programs.java(tmp, "-javaagent:" + Programs.AGENT_JAR + "=" + options,
                "-cp", classes.toString(), "Main");
        assertNotEquals(0, r.exitCode, r::toString);
        assertFalse(r.out.contains("agent installed"), r::toString);
        assertTrue(r.err.contains("java.lang.IllegalArgumentException: " + message), r::toString);
    }
}
