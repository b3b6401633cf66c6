package io.lowimpact.monitoring.instrument.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.instrument.testing.ChildJvm;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S18, S29, S40 in a child JVM with the agent: DISABLE and restart per tool on the bytecode probes of
 * {@code app.Counter.count} (see {@code programs/disable}). DISABLE is per location: {@code count(3)} reaches line 7
 * at three offsets (loop init, loop test, increment), each disabled on its own.
 */
class BytecodeDisableRestartIT {

    /** Every line point reached by count(3), in order. */
    private static final String ALL = "[6, 7, 7, 8, 7, 7, 8, 7, 7, 8, 7, 7, 10]";
    /** A tool answering DISABLE to every event: each location delivers once, when first reached. */
    private static final String FIRST_REACHED = "[6, 7, 7, 8, 7, 10]";

    @TempDir
    Path tmp;

    @Test
    void s18_s29_s40_disableIsPerToolAndRestartBringsBackOnlyThatToolsLocations() throws Exception {
        ChildJvm.Result r = Programs.runUnderAgent(tmp, "disable");
        assertEquals("run 1: 3 A " + FIRST_REACHED + " B " + ALL + "\n"
                + "run 2: 3 A [] B " + ALL + "\n"
                + "run 3: 3 A [] B " + ALL + "\n"
                + "A's events after restart: {LINE}, B's: {LINE}\n"
                + "run 4 after A restarted: 3 A " + FIRST_REACHED + " B " + ALL + "\n"
                + "run 5: 3 A [] B " + ALL + "\n"
                + "run 6, B disables: 3 A [] B " + FIRST_REACHED + "\n"
                + "run 7: 3 A [] B []\n"
                + "run 8 after A restarted: 3 A " + FIRST_REACHED + " B []\n"
                + "run 9: 3 A [] B []\n", r.out, r::toString);
        assertEquals("", r.errWithoutJvmNotes(), r::toString);
    }
}
