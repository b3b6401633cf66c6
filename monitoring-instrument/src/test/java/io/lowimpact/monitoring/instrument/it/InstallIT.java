package io.lowimpact.monitoring.instrument.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.instrument.testing.ChildJvm;

import java.io.File;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code MonitoringAgent.install()} in a JVM started without {@code -javaagent}. */
class InstallIT {

    @TempDir
    Path tmp;

    @Test
    void s38_installAttachesTheAgentAtRunTime() throws Exception {
        ChildJvm.Result r = Programs.java(tmp, "-cp", Programs.AGENT_JAR + File.pathSeparator + Programs.TEST_CLASSES,
                InstallMain.class.getName()).assertSuccess();
        assertEquals("installed: false\n"
                + "refused: the monitoring agent did not start: unknown agent option 'bogus'"
                + " (known: include, exclude, log, probes, dump, rewriter)\n"
                + "installed: false\n"
                + "installed: true\n"
                + "tool: install-it\n"
                + "runtime in the bootstrap loader: true\n"
                + "installed again: true\n", r.out, r::toString);
    }
}
