package io.lowimpact.monitoring.instrument.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.instrument.testing.ChildJvm;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent option {@code rewriter=} in a child JVM ({@code programs/rewriterjit}): by default, HotSpot gets a
 * compiler directive keeping the agent's rewriting code, and the core's classes that only a class's registration
 * runs, out of C2 once the first class is rewritten, and not before; with {@code rewriter=c2} it never does. The program's own events are the same either way.
 */
class RewriterJitIT {

    @TempDir
    Path tmp;

    @Test
    void s38_byDefaultTheFirstRewriteKeepsTheRewritesCodeOutOfC2() throws Exception {
        Path classes = Programs.compile("rewriterjit", tmp.resolve("classes"));
        ChildJvm.Result r = Programs.java(tmp, "-javaagent:" + Programs.AGENT_JAR, "-cp", classes.toString(),
                "Main", "20000").assertSuccess();
        assertEquals("before any probe: none\n"
                + "Work.twice(4) = 8, lines [3, 4]\n"
                + "after the first rewrite: io/lowimpact/monitoring/instrument/*.*: C1 allowed, C2 excluded\n"
                + "the core's registration: io/lowimpact/monitoring/core/internal/UnitTables.*: C1 allowed,"
                + " C2 excluded\n",
                r.out, r::toString);
        assertEquals("", r.errWithoutJvmNotes(), r::toString);
    }

    @Test
    void s38_withRewriterC2NoDirectiveIsAdded() throws Exception {
        Path classes = Programs.compile("rewriterjit", tmp.resolve("classes"));
        ChildJvm.Result r = Programs.java(tmp, "-javaagent:" + Programs.AGENT_JAR + "=rewriter=c2", "-cp",
                classes.toString(), "Main", "2000").assertSuccess();
        assertEquals("before any probe: none\n"
                + "Work.twice(4) = 8, lines [3, 4]\n"
                + "after the first rewrite: none\n"
                + "the core's registration: none\n", r.out, r::toString);
        assertEquals("", r.errWithoutJvmNotes(), r::toString);
    }
}
