package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.CallTarget;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A unit's call sites: the offset of each invoke instruction and its target, sorted by offset. Immutable.
 * A bytecode unit gets its table only when its class first gets call probes (CALL or its ancillary events): most
 * classes never do, and the targets of every invoke of a program are most of what a unit would otherwise keep.
 */
final class Calls {

    /** No calls. */
    static final Calls NONE = new Calls(new int[0], new CallTarget[0]);

    private final int[] offsets;
    private final CallTarget[] targets;

    private Calls(int[] offsets, CallTarget[] targets) {
        this.offsets = offsets;
        this.targets = targets;
    }

    /**
     * @param byOffset the target of each invoke instruction, by offset
     * @return the table, {@link #NONE} if empty
     */
    static Calls of(Map<Integer, CallTarget> byOffset) {
        if (byOffset.isEmpty()) {
            return NONE;
        }
        TreeMap<Integer, CallTarget> sorted = new TreeMap<>(byOffset);
        int[] offsets = new int[sorted.size()];
        CallTarget[] targets = new CallTarget[sorted.size()];
        int c = 0;
        for (Map.Entry<Integer, CallTarget> call : sorted.entrySet()) {
            offsets[c] = call.getKey();
            targets[c++] = call.getValue();
        }
        return new Calls(offsets, targets);
    }

    /** @return the index of the call at {@code offset} in this table, or -1 */
    int indexAt(int offset) {
        int i = Arrays.binarySearch(offsets, offset);
        return i >= 0 ? i : -1;
    }

    /** @return the call target of an index from {@link #indexAt}, or null for -1 */
    CallTarget targetOfIndex(int index) {
        return index >= 0 ? targets[index] : null;
    }
}
