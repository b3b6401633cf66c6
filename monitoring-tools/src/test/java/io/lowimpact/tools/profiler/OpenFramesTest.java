package io.lowimpact.tools.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.tools.profiler.targets.Open;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Snapshots while frames are open count them up to the snapshot; frames older than the profiler are left out. */
class OpenFramesTest {

    @Test
    void snapshotWhileFramesRunCountsThemUpToNow() {
        TestClock.now = 0;
        Profiler profiler = Profiler.builder().clock(TestClock::read).start();
        try {
            TestHooks.action = () -> TestHooks.taken = profiler.snapshot();
            Targets.run(Targets.load(Open.class), "snapshotInside");
        } finally {
            TestHooks.action = () -> { };
            profiler.stop();
        }
        String open = Open.class.getName();
        assertEquals(List.of(open + ".a()V count=1 incl=5 self=5", open + ".snapshotInside()V count=1 incl=8 self=3"),
                stats(TestHooks.taken));
        assertEquals(List.of(
                "io.lowimpact.tools.profiler.TestHooks.act()V (external) count=1 incl=0 self=0",
                open + ".a()V count=1 incl=105 self=105",
                open + ".snapshotInside()V count=1 incl=108 self=3"), stats(profiler.snapshot()));
    }

    @Test
    void startedInsideAFrameLeavesOutWhatStartedBefore() {
        TestClock.now = 0;
        TestHooks.starter = () -> Profiler.builder().clock(TestClock::read).start();
        try {
            Targets.run(Targets.load(Open.class), "startInside");
        } finally {
            TestHooks.started.stop();
        }
        String open = Open.class.getName();
        // startInside began before the profiler: its return is ignored, b is a frame of its own.
        assertEquals(List.of(open + ".b()V count=1 incl=7 self=7"), stats(TestHooks.started.snapshot()));
        assertEquals("[main];" + open + ".b 7\n", TestHooks.started.snapshot().collapsed());
    }

    private static List<String> stats(Profile p) {
        return p.methods().stream()
                .map(s -> s.label() + " count=" + s.count() + " incl=" + s.inclusiveNanos() + " self=" + s.selfNanos())
                .sorted().collect(Collectors.toList());
    }
}
