package io.lowimpact.tools.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.tools.profiler.targets.Workers;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Two threads running different work are kept apart: per-thread figures, stacks rooted at each thread. */
class ThreadsTest {

    @Test
    void twoThreadsKeptApart() throws InterruptedException {
        TestClock.now = 0;
        Profiler profiler = Profiler.builder().clock(TestClock::read).start();
        try {
            Class<?> workers = Targets.load(Workers.class);
            // One after the other: the test clock is one counter for both.
            Thread light = new Thread(() -> Targets.run(workers, "runLight"), "light-worker");
            light.start();
            light.join();
            Thread heavy = new Thread(() -> Targets.run(workers, "runHeavy"), "heavy-worker");
            heavy.start();
            heavy.join();
        } finally {
            profiler.stop();
        }
        Profile p = profiler.snapshot();
        assertEquals(List.of("light-worker", "heavy-worker"),
                p.threads().stream().map(ThreadProfile::name).collect(Collectors.toList()));
        String w = Workers.class.getName();
        assertEquals(List.of(w + ".light()V count=1 incl=1 self=1", w + ".runLight()V count=1 incl=1 self=0"),
                stats(p.thread("light-worker")));
        assertEquals(List.of(w + ".heavy()V count=2 incl=200 self=200", w + ".runHeavy()V count=1 incl=200 self=0"),
                stats(p.thread("heavy-worker")));
        assertEquals(1, p.thread("light-worker").totalNanos());
        assertEquals(200, p.thread("heavy-worker").totalNanos());
        assertEquals("[light-worker];" + w + ".runLight;" + w + ".light 1\n"
                + "[heavy-worker];" + w + ".runHeavy;" + w + ".heavy 200\n", p.collapsed());
        // runLight: start, call, start, return, return; runHeavy: start, 2 x (call, start, return), return.
        assertEquals(5, p.thread("light-worker").events());
        assertEquals(8, p.thread("heavy-worker").events());
        assertEquals(13, p.events());
    }

    private static List<String> stats(ThreadProfile t) {
        return t.methods().stream()
                .map(s -> s.label() + " count=" + s.count() + " incl=" + s.inclusiveNanos() + " self=" + s.selfNanos())
                .sorted().collect(Collectors.toList());
    }
}
