package io.lowimpact.monitoring.instrument.internal.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;
import io.lowimpact.monitoring.instrument.OfflineInstrumenter;
import io.lowimpact.monitoring.instrument.corpus.Recorder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;

/**
 * What a probe costs, counted rather than timed: {@link GuardTarget}'s probes are redirected to
 * {@link CountingBootstrap}, which counts every call into the runtime. Under line and branch coverage (DISABLE
 * after the first hit), the first call reaches the runtime once per location it passes; every later call not at
 * all, the never-taken error edge included; a per-tool restart brings back exactly one call per location again.
 */
class ProbeCostTest {

    private static final String BOOTSTRAP = "io/lowimpact/monitoring/core/internal/Bootstrap";

    @AfterEach
    void free() {
        Monitoring.freeToolId(Monitoring.COVERAGE_ID);
        CountingBootstrap.FIRES.set(0);
    }

    @Test
    void s40_aDisabledProbeAndANeverTakenEdgeCallNothing() throws Exception {
        Method check = redirected().getMethod("check", Object.class);
        List<String> events = new ArrayList<>();
        Tool coverage = Monitoring.useToolId(Monitoring.COVERAGE_ID, "cost");
        coverage.registerCallback(Event.LINE, (code, line) -> {
            events.add("LINE " + line);
            return Action.DISABLE;
        });
        coverage.registerCallback(Event.BRANCH_LEFT, Recorder.edgesInto("BRANCH_LEFT", events, Action.DISABLE));
        coverage.registerCallback(Event.BRANCH_RIGHT, Recorder.edgesInto("BRANCH_RIGHT", events, Action.DISABLE));
        coverage.setEvents(EventSet.of(Event.LINE, Event.BRANCH_LEFT, Event.BRANCH_RIGHT));

        for (int i = 0; i < 1000; i++) {
            check.invoke(null, "x");
        }
        // aload_0; ifnonnull 14; (new IllegalArgumentException ... athrow); 14: iconst_1; ireturn
        assertEquals(List.of("LINE 10", "BRANCH_RIGHT 1->14", "LINE 13"), events);
        assertEquals(3, CountingBootstrap.FIRES.get());

        coverage.restartEvents();
        for (int i = 0; i < 1000; i++) {
            check.invoke(null, "x");
        }
        assertEquals(List.of("LINE 10", "BRANCH_RIGHT 1->14", "LINE 13", "LINE 10", "BRANCH_RIGHT 1->14", "LINE 13"),
                events);
        assertEquals(6, CountingBootstrap.FIRES.get());
    }

    /** GuardTarget with line and branch probes, whose calls into the runtime go through CountingBootstrap. */
    private static Class<?> redirected() throws IOException {
        String name = GuardTarget.class.getName();
        byte[] original;
        try (InputStream in = ProbeCostTest.class.getResourceAsStream("GuardTarget.class")) {
            original = in.readAllBytes();
        }
        byte[] probes = OfflineInstrumenter.instrument(original,
                EventSet.of(Event.LINE, Event.BRANCH_LEFT, Event.BRANCH_RIGHT));
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(probes).accept(new ClassRemapper(writer, new SimpleRemapper(BOOTSTRAP,
                CountingBootstrap.class.getName().replace('.', '/'))), 0);
        byte[] bytes = writer.toByteArray();
        return new ClassLoader(ProbeCostTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(name, bytes, 0, bytes.length);
            }
        }.define();
    }
}
