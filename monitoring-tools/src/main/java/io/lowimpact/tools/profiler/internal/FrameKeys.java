package io.lowimpact.tools.profiler.internal;

import io.lowimpact.monitoring.CallTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys of frames in {@link CallTree}s: a code unit's id ({@code >= 0}) for instrumented code and injected
 * units, {@code -1 - n} for the {@code n}-th distinct external callee ({@link CallTarget}s that are equal share
 * a key). Shared by the threads of one profiler; the recorders cache keys per target object, so this is asked
 * once per call site and thread.
 */
public final class FrameKeys {

    private final ConcurrentHashMap<CallTarget, Integer> keys = new ConcurrentHashMap<>();
    private final List<CallTarget> targets = new ArrayList<>();

    /**
     * @param target an external callee
     * @return its key, negative
     */
    public int external(CallTarget target) {
        Integer k = keys.get(target);
        return k != null ? k : add(target);
    }

    private synchronized int add(CallTarget target) {
        Integer k = keys.get(target);
        if (k == null) {
            k = -1 - targets.size();
            targets.add(target);
            keys.put(target, k);
        }
        return k;
    }

    /**
     * @param key a negative key given by {@link #external}
     * @return its callee
     */
    public synchronized CallTarget target(int key) {
        return targets.get(-1 - key);
    }

    /** @return whether {@code key} stands for an external callee */
    public static boolean isExternal(int key) {
        return key < 0;
    }
}
