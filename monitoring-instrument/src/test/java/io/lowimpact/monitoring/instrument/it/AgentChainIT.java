package io.lowimpact.monitoring.instrument.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.instrument.testing.ChildJvm;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a program with the agent and, after it, a spy agent (see {@code programs/chain/Spy.java}) that sees what
 * the agent's transformer hands on and runs one of its transformers with a failing engine.
 */
class AgentChainIT {

    @TempDir
    Path tmp;

    @Test
    void s41_ownClassesAreNeverTransformedAndFailuresLeaveClassesUnchanged() throws Exception {
        Path classes = Programs.compile("chain", tmp.resolve("classes"));
        Path spy = Programs.jar(classes, tmp.resolve("spy.jar"), Map.of("Premain-Class", "Spy",
                "Can-Retransform-Classes", "true"), "Spy");
        ChildJvm.Result r = Programs.java(tmp, "-javaagent:" + Programs.AGENT_JAR,
                "-javaagent:" + spy + "=" + Programs.AGENT_JAR, "-cp", classes.toString(), "Main").assertSuccess();
        assertEquals("victim answers 42\n"
                + "victim answers 42 after retransformation\n"
                + "Main given to the engine: true\n"
                + "own classes given to the engine: []\n"
                + "own classes checked: true\n"
                + "own classes changed: []\n", r.out, r::toString);
        // The failure is logged once, though the transformer failed at load time and again on retransformation.
        assertEquals(1, Programs.count(r.err, "cannot instrument Victim (loader app@"), r::toString);
        assertEquals(1, Programs.count(r.err, "java.lang.IllegalStateException: boom in Victim"), r::toString);
    }
}
