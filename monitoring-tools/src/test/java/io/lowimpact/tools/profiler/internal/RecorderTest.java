package io.lowimpact.tools.profiler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.CallTarget;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A recorder's external callees: found by identity through its table's growth, equal targets sharing a node. */
class RecorderTest {

    @Test
    void manyExternalCalleesEachGetOneNodeWithExactCountsAndTimes() {
        long[] clock = {0};
        FrameKeys keys = new FrameKeys();
        Recorder r = new Recorder(() -> clock[0], keys, Thread.currentThread());
        CallTarget[] targets = new CallTarget[300];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = new CallTarget("java.lang.Ext" + i, "m", "()V", CallTarget.Kind.STATIC);
        }
        r.start(1, null);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < targets.length; i++) {
                // the second round calls through an equal target of another call site
                CallTarget t = round == 0 ? targets[i] : new CallTarget("java.lang.Ext" + i, "m", "()V",
                        CallTarget.Kind.STATIC);
                r.call(t);
                clock[0] += i;
                r.externalExit(t);
            }
        }
        r.exit(1);
        TreeData data = r.snapshot(clock[0]).tree();
        assertEquals(2 + targets.length, data.size()); // the root, unit 1, one node per callee
        Map<Integer, Integer> byKey = new HashMap<>();
        for (int n = 2; n < data.size(); n++) {
            assertEquals(1, data.parent(n));
            byKey.put(data.key(n), n);
        }
        for (int i = 0; i < targets.length; i++) {
            int n = byKey.get(keys.external(targets[i]));
            assertEquals(2, data.count(n));
            assertEquals(2L * i, data.inclusive(n));
        }
        assertEquals(clock[0], data.inclusive(1));
        assertEquals(4L * targets.length + 2, r.events());
    }
}
