package io.lowimpact.tools.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;
import io.lowimpact.tools.profiler.targets.CallTree;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The profiler beside a coverage tool on id 1 that DISABLEs each LINE after its first hit (S14, S21): the profiler
 * sees every call of both runs, the coverage tool each line once.
 */
class CoexistenceTest {

    @Test
    void profilerAndCoverageNeitherDisturbsTheOther() {
        List<String> deliveries = new ArrayList<>();
        TestClock.now = 0;
        Tool coverage = Monitoring.useToolId(Monitoring.COVERAGE_ID, "coverage");
        Profiler profiler = Profiler.builder().clock(TestClock::read).start();
        try {
            coverage.registerCallback(Event.LINE, (code, line) -> {
                deliveries.add(code.methodName() + ":" + line);
                return Action.DISABLE;
            });
            coverage.setEvents(EventSet.of(Event.LINE));
            Class<?> c = Targets.load(CallTree.class);
            Targets.run(c, "main");
            Targets.run(c, "main");
        } finally {
            profiler.stop();
            coverage.close();
        }
        Profile p = profiler.snapshot();
        String tree = CallTree.class.getName();
        assertEquals(2, p.method(tree + ".main()V").count());
        assertEquals(8, p.method(tree + ".c()V").count());
        assertEquals(106, p.method(tree + ".main()V").inclusiveNanos());
        assertEquals(24, p.method(tree + ".c()V").selfNanos());
        // Each line once, in the order first reached: the second run delivered nothing to coverage.
        assertEquals(List.of("main:12", "main:13", "a:19", "a:20", "c:30", "c:31", "a:21", "main:14", "main:15",
                "b:24", "b:25", "b:26", "b:27", "main:16"), deliveries);
    }
}
