package io.lowimpact.monitoring.benchmarks.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class ModeTest {

    @Test
    void parsesLettersInOrder() {
        assertEquals(List.of(Mode.NONE, Mode.LINE_BRANCH, Mode.JACOCO), Mode.parse("aeb"));
    }

    @Test
    void refusesUnknownRepeatedOrMissingBaseline() {
        assertThrows(IllegalArgumentException.class, () -> Mode.parse("az"));
        assertThrows(IllegalArgumentException.class, () -> Mode.parse("aa"));
        assertThrows(IllegalArgumentException.class, () -> Mode.parse("be"));
    }

    @Test
    void agentOptions() {
        Path ours = Path.of("/x/monitoring-agent.jar");
        Path jacoco = Path.of("/x/jacocoagent.jar");
        Path exec = Path.of("/r/jacoco.exec");
        assertNull(Mode.NONE.agentOption(ours, jacoco, exec));
        assertEquals("-javaagent:/x/jacocoagent.jar=destfile=/r/jacoco.exec,includes=com.sun.tools.javac.*,"
                + "output=file,dumponexit=true", Mode.JACOCO.agentOption(ours, jacoco, exec));
        assertEquals("-javaagent:/x/monitoring-agent.jar=include=com.sun.tools.javac.**",
                Mode.RESTART.agentOption(ours, jacoco, exec));
        assertEquals("-javaagent:/x/monitoring-agent.jar=include=com.sun.tools.javac.**,rewriter=c2",
                Mode.LINE_BRANCH_C2.agentOption(ours, jacoco, exec));
        assertEquals(Mode.LINE_BRANCH.tool, Mode.LINE_BRANCH_C2.tool);
    }

    @Test
    void onlyTheProfilerModesPutMonitoringToolsOnTheClassPathAndOnlyQTheCoverageTool() {
        Path ours = Path.of("/r/monitoring-instrument/target/monitoring-agent.jar");
        assertEquals(Path.of("/r/monitoring-tools/target/classes"), Mode.PROFILER.toolClasses(ours));
        assertEquals(Path.of("/r/monitoring-tools/target/classes"), Mode.PROFILER_EVENTS.toolClasses(ours));
        assertEquals(Path.of("/r/monitoring-coverage/target/classes"), Mode.COVERAGE_CONTEXTS.toolClasses(ours));
        assertNull(Mode.CALLS.toolClasses(ours));
        assertNull(Mode.LINE_COUNTED.toolClasses(ours));
        assertNull(Mode.RESTART_DEFERRED.toolClasses(ours));
        assertNull(Mode.NONE.toolClasses(ours));
        assertEquals(List.of(Mode.NONE, Mode.CALLS, Mode.PROFILER_EVENTS, Mode.PROFILER), Mode.parse("agij"));
    }
}
