package io.lowimpact.monitoring.instrument.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RetransformerTest {

    // Stand-ins for application classes: anything outside the JDK and io.lowimpact.monitoring.
    private static final Class<?>[] APP = {org.junit.jupiter.api.Test.class, org.junit.jupiter.api.Assertions.class,
            org.junit.jupiter.api.Disabled.class, org.junit.jupiter.api.Tag.class, org.junit.jupiter.api.Nested.class};

    private final RecordingLogger logger = new RecordingLogger();
    private final Set<Class<?>> outOfDate = new HashSet<>(List.of(APP));

    private Retransformer retransformer(FakeInstrumentation inst, int batchSize) {
        return new Retransformer(inst, ClassFilter.of(AgentOptions.defaults()), outOfDate::contains,
                logger.log(Level.WARNING), batchSize);
    }

    @Test
    void s39_retransformsOutOfDateClassesInBatches() {
        FakeInstrumentation inst = new FakeInstrumentation(APP);
        retransformer(inst, 2).demandChanged();
        assertEquals(List.of(List.of(APP[0], APP[1]), List.of(APP[2], APP[3]), List.of(APP[4])), inst.calls);
        assertEquals(List.of(APP), inst.retransformed);
        assertEquals(List.of(), logger.entries);
    }

    @Test
    void s39_skipsUpToDateUnmodifiableFilteredClasses() {
        FakeInstrumentation inst = new FakeInstrumentation(APP);
        inst.loaded.add(String.class);
        inst.loaded.add(Retransformer.class);
        inst.loaded.add(int[].class);
        outOfDate.add(String.class);
        outOfDate.add(Retransformer.class);
        outOfDate.add(int[].class);
        outOfDate.remove(APP[1]);
        inst.unmodifiable.add(APP[2]);
        inst.unmodifiable.add(int[].class);
        retransformer(inst, 100).demandChanged();
        assertEquals(List.of(List.of(APP[0], APP[3], APP[4])), inst.calls);
    }

    @Test
    void nothingOutOfDateMeansNoCall() {
        FakeInstrumentation inst = new FakeInstrumentation(APP);
        outOfDate.clear();
        retransformer(inst, 100).demandChanged();
        assertEquals(List.of(), inst.calls);
    }

    @Test
    void s41_failedBatchIsRetriedClassByClassAndFailureLoggedOnce() {
        FakeInstrumentation inst = new FakeInstrumentation(APP);
        inst.refused.add(APP[1]);
        Retransformer r = retransformer(inst, 3);
        r.demandChanged();
        assertEquals(List.of(APP[0], APP[2], APP[3], APP[4]), inst.retransformed);
        assertEquals(List.of(List.of(APP[0], APP[1], APP[2]), List.of(APP[0]), List.of(APP[1]), List.of(APP[2]),
                List.of(APP[3], APP[4])), inst.calls);
        r.demandChanged();
        assertEquals(1, logger.entries.size(), logger.entries::toString);
        RecordingLogger.Entry e = logger.entries.get(0);
        assertEquals(Level.WARNING, e.level);
        assertEquals("cannot retransform " + APP[1].getName() + " (loader " + loaderName(APP[1])
                + "): java.lang.VerifyError: refused " + APP[1].getName() + "; it keeps its current code", e.message);
        assertNull(e.error); // the stack trace only at log=debug
    }

    @Test
    void s41_failingCheckSkipsTheClassAndIsLoggedOnce() {
        FakeInstrumentation inst = new FakeInstrumentation(APP);
        RuntimeException boom = new IllegalStateException("cannot read");
        Retransformer r = new Retransformer(inst, ClassFilter.of(AgentOptions.defaults()), c -> {
            if (c == APP[0]) {
                throw boom;
            }
            return true;
        }, logger.log(Level.WARNING), 100);
        r.demandChanged();
        r.demandChanged();
        assertEquals(List.of(APP[1], APP[2], APP[3], APP[4], APP[1], APP[2], APP[3], APP[4]), inst.retransformed);
        assertEquals(1, logger.entries.size());
        assertEquals("cannot tell whether " + APP[0].getName() + " (loader " + loaderName(APP[0]) + ") needs"
                + " retransforming: java.lang.IllegalStateException: cannot read; skipping it",
                logger.entries.get(0).message);
        assertNull(logger.entries.get(0).error);
    }

    @Test
    void demandChangeDuringAPassOnItsThreadRunsThePassAgain() {
        FakeInstrumentation inst = new FakeInstrumentation(APP[0]);
        Retransformer r = retransformer(inst, 100);
        AtomicInteger nested = new AtomicInteger();
        inst.duringRetransform = () -> {
            if (nested.getAndIncrement() == 0) {
                r.demandChanged();
            }
        };
        r.demandChanged();
        assertEquals(2, inst.calls.size());
    }

    @Test
    void concurrentDemandChangesAreAllCovered() throws Exception {
        FakeInstrumentation inst = new FakeInstrumentation(APP);
        Retransformer r = retransformer(inst, 100);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            threads.add(new Thread(() -> {
                for (int j = 0; j < 50; j++) {
                    r.demandChanged();
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        int passes = inst.calls.size();
        assertTrue(passes >= 1 && passes <= 8 * 50, "passes: " + passes);
        assertEquals(passes * APP.length, inst.retransformed.size());
        assertEquals(List.of(), logger.entries);
    }

    private static String loaderName(Class<?> c) {
        ClassLoader l = c.getClassLoader();
        return (l.getName() != null ? l.getName() : l.getClass().getName()) + "@"
                + Integer.toHexString(System.identityHashCode(l));
    }
}
