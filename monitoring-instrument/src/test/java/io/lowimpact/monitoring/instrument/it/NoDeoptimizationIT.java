package io.lowimpact.monitoring.instrument.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.instrument.testing.ChildJvm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S40 in a child JVM recorded by JFR: DISABLE of every location of a method that C2 compiled while a tool counted
 * its LINE events (see {@code programs/nodeopt}) is a store into the class's mask array. Each DISABLE used to flip a
 * call site and deoptimise the method with a stop-all-threads handshake, once per location (nine here). Now the
 * method may take one uncommon trap, when the first of its probes' branches goes the way C2 never saw it go, and is
 * then recompiled with both ways; nothing happens per DISABLE.
 */
class NoDeoptimizationIT {

    @TempDir
    Path tmp;

    @Test
    void s40_disablingTheLocationsOfACompiledMethodDeoptimisesItAtMostOnce() throws Exception {
        Path classes = Programs.compile("nodeopt", tmp.resolve("classes"));
        Path recording = tmp.resolve("rec.jfr");
        ChildJvm.Result r = Programs.java(tmp, "-javaagent:" + Programs.AGENT_JAR, "-Xlog:jfr+startup=off",
                "-XX:StartFlightRecording=filename=" + recording + ",settings=profile",
                "-cp", classes.toString(), "Main").assertSuccess();
        assertTrue(r.out.startsWith("phase: disable\ncounted true, disabled 9, sum "), r::toString);

        List<String> deopts = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (e.getEventType().getName().equals("jdk.Deoptimization")) {
                RecordedMethod m = e.getValue("method");
                if (m != null && m.getType().getName().equals("Work")) {
                    deopts.add(m.getName() + " " + e.getValue("reason") + " " + e.getValue("action"));
                }
            }
        }
        assertTrue(deopts.size() <= 1, () -> "deoptimisations of Work: " + deopts);
        assertEquals("", r.errWithoutJvmNotes(), r::toString);
    }
}
