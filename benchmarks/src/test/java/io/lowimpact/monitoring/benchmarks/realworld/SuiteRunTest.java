package io.lowimpact.monitoring.benchmarks.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.benchmarks.realworld.SuiteRun.Mode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteRunTest {

    private static final SuiteRun.Setup SETUP = new SuiteRun.Setup(Path.of("/j/java"),
            List.of(Path.of("/s/console.jar"), Path.of("/s/library.jar")), Path.of("/x/monitoring-agent.jar"),
            Path.of("/x/lowimpact-coverage-agent.jar"), Path.of("/x/jacocoagent.jar"), "org.acme");

    @Test
    void eachModeStartsTheConsoleLauncherWithItsAgents() {
        Path dir = Path.of("/r");
        String tail = "-cp /s/console.jar:/s/library.jar org.junit.platform.console.ConsoleLauncher execute "
                + "--disable-banner --details=summary --select-package=org.acme";
        assertEquals("/j/java " + tail, String.join(" ", new SuiteRun(Mode.NONE, 1, dir).javaCommand(SETUP)));
        assertEquals("/j/java -javaagent:/x/jacocoagent.jar=destfile=/r/jacoco.exec,includes=org.acme.*,output=file "
                + tail, String.join(" ", new SuiteRun(Mode.JACOCO, 1, dir).javaCommand(SETUP)));
        assertEquals("/j/java -javaagent:/x/monitoring-agent.jar=include=org.acme.** "
                + "-javaagent:/x/lowimpact-coverage-agent.jar=out=/r/lowimpact.cov " + tail,
                String.join(" ", new SuiteRun(Mode.COVERAGE, 1, dir).javaCommand(SETUP)));
        assertEquals("/j/java -javaagent:/x/monitoring-agent.jar=include=org.acme.** "
                + "-javaagent:/x/lowimpact-coverage-agent.jar=out=/r/lowimpact.cov,contexts=true " + tail,
                String.join(" ", new SuiteRun(Mode.CONTEXTS, 1, dir).javaCommand(SETUP)));
    }

    @Test
    void modesMustStartWithTheBaseline() {
        assertEquals(List.of(Mode.NONE, Mode.CONTEXTS), Mode.parse("ad"));
        assertThrows(IllegalArgumentException.class, () -> Mode.parse("ba"));
        assertThrows(IllegalArgumentException.class, () -> Mode.parse("aa"));
        assertThrows(IllegalArgumentException.class, () -> Mode.parse("ax"));
    }

    @Test
    void savedRunLoadsBackWithTheLauncherSummaryAndTheCpuTimeOfBash(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("run.properties"), List.of("mode=c", "round=2", "wallNanos=7500000000",
                "cpuSeconds=0", "timedOut=false", "exitCode=1", "loadBefore=1.0/1.0/1.0", "loadAfter=2.0/1.0/1.0"));
        Files.writeString(dir.resolve("stdout.txt"), "Test run finished after 5497 ms\n"
                + "[        68 containers found      ]\n[       797 tests found           ]\n"
                + "[        59 tests skipped         ]\n[       734 tests successful      ]\n"
                + "[         4 tests failed          ]\n");
        Files.writeString(dir.resolve("times.txt"), "0m0.001s 0m0.002s\n1m6.518s 0m0.284s\n");
        SuiteRun run = SuiteRun.load(dir);
        assertEquals(Mode.COVERAGE, run.mode);
        assertEquals(2, run.round);
        assertEquals(66.802, run.cpuSeconds, 1e-9);
        assertEquals("tests found=797, tests skipped=59, tests successful=734, tests failed=4", run.outcome());
        assertTrue(run.ok(), "exit 1 is the launcher's 'a test failed'");

        Files.writeString(dir.resolve("stdout.txt"), "Exception in thread \"main\" java.lang.NoClassDefFoundError\n");
        assertFalse(SuiteRun.load(dir).ok());
    }
}
