package io.lowimpact.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lowimpact.coverage.internal.data.BranchRecord;
import io.lowimpact.coverage.internal.data.MethodRecord;
import example.targets.Basics;
import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CoverageTest {

    @RegisterExtension
    final Recording recording = new Recording();

    @Test
    void recordLinesAndEdgesOnce() {
        Coverage coverage = recording.start(CoverageOptions.defaults());
        Class<?> basics = Targets.load(Basics.class);
        assertEquals(3, Targets.call(basics, "classify", 3));
        assertEquals(3, Targets.call(basics, "classify", 3));

        MethodRecord classify = method(coverage.snapshot(), "classify");
        assertEquals("{10=1, 11=0, 13=1, 14=1, 15=1, 17=1}", lineHits(classify));
        // javac: "ifge" jumps over line 11 (right) for n >= 0; the loop test "if_icmpge" exits (right) or enters the body.
        assertEquals("[10: 0/1, 14: 1/1]", edges(classify));
    }

    @Test
    void countEveryHitWithCounts() {
        Coverage coverage = recording.start(CoverageOptions.defaults().withCounts(true));
        Class<?> basics = Targets.load(Basics.class);
        Targets.call(basics, "classify", 3);
        Targets.call(basics, "classify", -1);

        MethodRecord classify = method(coverage.snapshot(), "classify");
        // Line 14 has three line points: i = 0 (once), the test (4 times), i++ (3 times).
        assertEquals("{10=2, 11=1, 13=1, 14=8, 15=3, 17=1}", lineHits(classify));
        assertEquals("[10: 1/1, 14: 3/1]", edges(classify));
    }

    @Test
    void recordContextsAndKeepAnotherToolsDisableMarks() {
        Coverage coverage = recording.start(CoverageOptions.defaults().withContexts(true));
        Map<Integer, Integer> otherToolLines = new TreeMap<>();
        try (Tool other = Monitoring.useToolId(3, "other-disabling-tool")) {
            other.registerCallback(Event.LINE, (code, line) -> {
                if (code.className().equals(Basics.class.getName())) {
                    synchronized (otherToolLines) {
                        otherToolLines.merge(line, 1, Integer::sum);
                    }
                }
                return Action.DISABLE;
            });
            other.setEvents(EventSet.of(Event.LINE));
            Class<?> basics = Targets.load(Basics.class);

            coverage.switchContext("testA");
            Targets.call(basics, "classify", 2);
            String seenByOther = otherToolLines.toString();
            assertEquals("{10=1, 13=1, 14=3, 15=1, 17=1}", seenByOther); // line 14 has three line points
            coverage.switchContext("testB");
            Targets.call(basics, "classify", 0);
            // The coverage tool's restart did not undo the other tool's DISABLE marks: it saw nothing new.
            assertEquals(seenByOther, otherToolLines.toString());
            coverage.switchContext("testC");
            Targets.call(basics, "classify", -5);
            coverage.switchContext(null);
            Targets.call(basics, "classify", -5);
            assertEquals("{10=1, 11=1, 13=1, 14=3, 15=1, 17=1}", otherToolLines.toString());
        }
        CoverageData data = coverage.snapshot();
        assertEquals(List.of("testA", "testB", "testC"), data.contexts());
        MethodRecord classify = method(data, "classify");
        assertEquals("{10=[testA, testB, testC], 11=[testC], 13=[testA, testB], 14=[testA, testB], 15=[testA],"
                + " 17=[testA, testB]}", lineContexts(data, classify));
        // Without counts, a hit is a hit: 1.
        assertEquals("{10=1, 11=1, 13=1, 14=1, 15=1, 17=1}", lineHits(classify));
    }

    @Test
    void addOnlyWhatIsNewAtEachDump(@TempDir Path dir) throws Exception {
        Coverage coverage = recording.start(CoverageOptions.defaults().withCounts(true));
        Class<?> basics = Targets.load(Basics.class);
        Path file = dir.resolve("lowimpact.cov");
        Targets.call(basics, "classify", -1);
        coverage.dump(file);
        Targets.call(basics, "classify", -1);
        coverage.dump(file);
        coverage.dump(file);
        CoverageData data = CoverageData.read(file);
        assertEquals("{10=2, 11=2, 13=0, 14=0, 15=0, 17=0}", lineHits(method(data, "classify")));
        assertEquals(3, data.sessionCount());
    }

    @Test
    void addTheHitsOfACopyInAnotherClassLoader() {
        Coverage coverage = recording.start(CoverageOptions.defaults().withCounts(true));
        Targets.call(Targets.load(Basics.class), "classify", -1);
        Targets.call(Targets.load(Basics.class), "classify", -1);
        assertEquals("{10=2, 11=2, 13=0, 14=0, 15=0, 17=0}", lineHits(method(coverage.snapshot(), "classify")));
    }

    @Test
    void refuseASecondRecording() {
        recording.start(CoverageOptions.defaults());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Coverage.start(CoverageOptions.defaults()));
        assertEquals("coverage is already being recorded in this JVM", e.getMessage());
    }

    @Test
    void freeTheToolIdOnStop() {
        Coverage coverage = recording.start(CoverageOptions.defaults());
        assertEquals("lowimpact-coverage", Monitoring.getTool(Monitoring.COVERAGE_ID).orElseThrow());
        coverage.stop();
        assertEquals(false, Monitoring.getTool(Monitoring.COVERAGE_ID).isPresent());
        assertEquals(false, Coverage.running().isPresent());
    }

    @Test
    void notRecordSwitchingToTheSameContextTwice() {
        Coverage coverage = recording.start(CoverageOptions.defaults().withContexts(true));
        coverage.switchContext("a");
        coverage.switchContext("a");
        assertEquals("a", coverage.currentContext());
        coverage.switchContext(null);
        assertNull(coverage.currentContext());
        assertEquals(List.of("a"), coverage.snapshot().contexts());
    }

    static MethodRecord method(CoverageData data, String name) {
        return io.lowimpact.coverage.internal.data.Probe.method(data, Basics.class.getName(), name);
    }

    static String lineHits(MethodRecord m) {
        Map<Integer, Long> hits = new TreeMap<>();
        for (int i = 0; i < m.lineCount(); i++) {
            hits.put(m.line(i), m.lineHits(i));
        }
        return hits.toString();
    }

    static String lineContexts(CoverageData data, MethodRecord m) {
        Map<Integer, List<String>> contexts = new TreeMap<>();
        for (int i = 0; i < m.lineCount(); i++) {
            List<String> names = new ArrayList<>();
            m.lineContexts(i).stream().forEach(c -> names.add(data.contexts().get(c)));
            contexts.put(m.line(i), names);
        }
        return contexts.toString();
    }

    /** @return per branch, "line: left hits/right hits..." */
    static String edges(MethodRecord m) {
        List<String> out = new ArrayList<>();
        for (BranchRecord b : m.branches()) {
            StringBuilder s = new StringBuilder().append(b.line()).append(": ");
            for (int e = 0; e < b.edgeCount(); e++) {
                s.append(e == 0 ? "" : "/").append(b.hits(e));
            }
            out.add(s.toString());
        }
        return out.toString();
    }
}
