package io.lowimpact.monitoring.instrument.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.instrument.testing.ChildJvm;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S42 in a child JVM: probes in classes of loaders that delegate to nobody but the bootstrap loader
 * ({@code new URLClassLoader(urls, null)}), one loading its class before and one after the events are set (see
 * {@code programs/isolated}). {@code iso.Worker.triple(2)}'s lines: 6, 7 (init), 7 (test), 8 (body, DISABLEd by
 * the tool), 7 (increment), 7 (test), 8, 7, 7, 10.
 */
class IsolatedLoaderIT {

    private static final String ALL = "[START @0, LINE 6, LINE 7, LINE 7, LINE 8, LINE 7, LINE 7, LINE 7, LINE 7,"
            + " LINE 10]";
    private static final String DISABLED = "[START @0, LINE 6, LINE 7, LINE 7, LINE 7, LINE 7, LINE 7, LINE 7,"
            + " LINE 10]";

    @TempDir
    Path tmp;

    @Test
    void s42_probesWorkInClassesOfLoadersThatDoNotDelegateToTheSystemLoader() throws Exception {
        ChildJvm.Result r = Programs.runUnderAgent(tmp, "isolated");
        assertEquals("parent: null, defined by isolated-before, sees the agent's Monitoring: true\n"
                + "unit: iso.Worker.triple(I)I, first line 6, lines 5\n"
                + "run 1: 6 " + ALL + "\n"
                + "run 2: 6 " + DISABLED + "\n"
                + "after restart: 6 " + ALL + "\n"
                + "second loader's class: defined by isolated-after, its own unit: true\n"
                + "second loader run 1: 6 " + ALL + "\n"
                + "second loader run 2: 6 " + DISABLED + "\n"
                + "first loader again: 6 " + DISABLED + "\n", r.out, r::toString);
        assertEquals("", r.errWithoutJvmNotes(), r::toString);
    }
}
