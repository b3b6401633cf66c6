package io.lowimpact.tools.profiler.internal;

import io.lowimpact.monitoring.CallTarget;

/**
 * Call targets by identity, each with an {@code int}: open addressing on {@link System#identityHashCode}, at most
 * half full. One thread's, without locks. A call site's target is one object for as long as its class is loaded,
 * so identity finds it without comparing names.
 */
final class TargetTable {

    static final int ABSENT = Integer.MIN_VALUE;

    private CallTarget[] targets = new CallTarget[64];
    private int[] values = new int[64];
    private int size;

    /** @return the target's value, or {@link #ABSENT} */
    int get(CallTarget target) {
        CallTarget[] t = targets;
        int mask = t.length - 1;
        for (int i = System.identityHashCode(target) & mask; ; i = (i + 1) & mask) {
            CallTarget c = t[i];
            if (c == target) {
                return values[i];
            }
            if (c == null) {
                return ABSENT;
            }
        }
    }

    /**
     * @param target a target not in the table yet
     * @param value its value, not {@link #ABSENT}
     */
    void putNew(CallTarget target, int value) {
        if (2 * (size + 1) > targets.length) {
            grow();
        }
        int mask = targets.length - 1;
        int i = System.identityHashCode(target) & mask;
        while (targets[i] != null) {
            i = (i + 1) & mask;
        }
        targets[i] = target;
        values[i] = value;
        size++;
    }

    /**
     * @param target a target, in the table or not
     * @param value its new value, not {@link #ABSENT}
     */
    void put(CallTarget target, int value) {
        CallTarget[] t = targets;
        int mask = t.length - 1;
        for (int i = System.identityHashCode(target) & mask; t[i] != null; i = (i + 1) & mask) {
            if (t[i] == target) {
                values[i] = value;
                return;
            }
        }
        putNew(target, value);
    }

    private void grow() {
        CallTarget[] oldTargets = targets;
        int[] oldValues = values;
        targets = new CallTarget[oldTargets.length * 2];
        values = new int[oldTargets.length * 2];
        size = 0;
        for (int i = 0; i < oldTargets.length; i++) {
            if (oldTargets[i] != null) {
                putNew(oldTargets[i], oldValues[i]);
            }
        }
    }
}
