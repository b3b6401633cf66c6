package io.lowimpact.tools.profiler.internal;

import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.CodeUnit;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * One thread's profiler state: a shadow stack of the frames running now (their tree node, start time and kind, in
 * parallel arrays) over the thread's {@link CallTree}. Only its own thread calls the event methods, so they take no
 * lock; in steady state they allocate nothing (arrays grow on the slow path only).
 *
 * <p>A {@code CALL} pushes a <em>pending</em> entry holding its target. If the callee is instrumented, its
 * {@code METHOD_START} arrives next and, when it names the target, replaces the pending entry. Otherwise the
 * pending entry becomes an external frame: at {@code EXTERNAL_RETURN}/{@code EXTERNAL_RAISE}, or when instrumented
 * code it did not name starts above it (the JDK calling back into a lambda). A static initialiser that starts above a
 * pending entry runs as the caller's callee, the entry waiting under it for its callee. A pending entry
 * whose call never started anything (a failed link) is dropped at the caller's next event. A return or unwind
 * closes every frame above its own, so an exception that skips events cannot leave frames open.
 *
 * <p>Per event: one clock read, a few array updates on the shadow stack (which holds each frame's key, so that a
 * return does not read the tree) and, for a start, one child lookup in the tree. Whether a started unit is what the
 * pending call named is remembered in a small table of (call target, unit) pairs, so the names are compared once
 * per call site and unit while the pair stays in the table, not per call; an external callee's key is found by the
 * target's identity ({@link TargetTable}).
 */
public final class Recorder {

    static final byte METHOD = 0;
    static final byte PENDING = 1;
    static final byte EXTERNAL = 2;
    /** Entries of the cache of call targets that named a unit: a power of two, small enough to stay in cache. */
    private static final int NAMING = 4096;
    /**
     * How many calls of a virtual or interface call site must reach the instrumented method it names, with none
     * reaching code that is not instrumented, before the site's {@code CALL} is switched off (see {@link #call}).
     */
    static final int VIRTUAL_CALLS_TO_TRUST = 64;
    /** A call target's mark in {@link #callees}: some call of the site ran code that is not instrumented. */
    private static final int WENT_EXTERNAL = -1;

    private final LongSupplier clock;
    private final boolean systemClock;
    private final FrameKeys keys;
    private final Thread thread;
    private final String threadName;
    private final long threadId;
    private final CallTree tree;

    private int depth;
    private int[] node = new int[64];
    private int[] frameKey = new int[64];
    private long[] start = new long[64];
    private byte[] kind = new byte[64];
    private CallTarget[] target = new CallTarget[64];
    private CodeUnit[] units = new CodeUnit[256];
    /** Call targets found to name a unit, and that unit's id: a cache by the pair's hash. */
    private final CallTarget[] namingTargets = new CallTarget[NAMING];
    private final int[] namedUnits = new int[NAMING];
    /** External callees' frame keys, by target. */
    private final TargetTable externalKeys = new TargetTable();
    /**
     * Per call target (one per call site), how many of its calls were followed by the start of the unit it names
     * ({@link #calleeStarted}), or {@link #WENT_EXTERNAL} once one of them ran code that is not instrumented: what
     * {@link #call} decides the site's {@code DISABLE} by.
     */
    private final TargetTable callees = new TargetTable();
    private long events;
    /** Calls on call paths that the profiler's {@link PathBudget} left out of the tree. */
    private long untracked;
    private int muted;

    /**
     * A recorder whose tree has no limit but the heap's.
     *
     * @param clock the time source, in nanoseconds
     * @param keys the profiler's external frame keys
     * @param thread the thread that records
     */
    public Recorder(LongSupplier clock, FrameKeys keys, Thread thread) {
        this(clock, keys, thread, PathBudget.of(Long.MAX_VALUE));
    }

    /**
     * @param clock the time source, in nanoseconds
     * @param keys the profiler's external frame keys
     * @param thread the thread that records
     * @param budget the call paths the profiler's threads may still make
     */
    public Recorder(LongSupplier clock, FrameKeys keys, Thread thread, PathBudget budget) {
        this.tree = new CallTree(budget);
        this.clock = clock;
        this.systemClock = clock == Recorders.NANO_TIME;
        this.keys = keys;
        this.thread = thread;
        this.threadName = thread.getName();
        this.threadId = thread.getId();
    }

    /**
     * {@code METHOD_START} of a unit.
     *
     * @param id the unit's id
     * @param code the unit, or null when only timing the recorder
     */
    public void start(int id, CodeUnit code) {
        if (!counted()) {
            return;
        }
        long now = now();
        if (code != null) {
            remember(id, code);
        }
        int d = depth;
        int parentNode;
        byte top = d > 0 ? kind[d - 1] : METHOD;
        if (top == METHOD) {
            parentNode = d == 0 ? CallTree.ROOT : node[d - 1];
        } else if (named(target[d - 1], id, code)) {
            // The call's own callee: it replaces the entry. An external frame that it replaces was opened by code
            // that ran before it (a class loader in Java, say): that part ends now.
            d--;
            if (top == PENDING) {
                calleeStarted(target[d]);
            }
            if (top == EXTERNAL) {
                addTime(node[d], now - start[d]);
            }
            parentNode = d == 0 ? CallTree.ROOT : node[d - 1];
        } else if (top == PENDING && code != null && "<clinit>".equals(code.methodName())) {
            // The call initialises a class first: the initialiser runs for the caller, the call still waits.
            parentNode = d == 1 ? CallTree.ROOT : node[d - 2];
        } else {
            // Code the call did not name: the callee is external and calls back into instrumented code.
            parentNode = top == PENDING ? becomeExternal(d - 1, target[d - 1]) : node[d - 1];
        }
        int n = enter(parentNode, id);
        push(d, n, id, now, METHOD, null);
    }

    /**
     * {@code METHOD_RETURN} or {@code METHOD_UNWIND} of a unit: closes its frame and any left open above it.
     *
     * @param id the unit's id
     */
    public void exit(int id) {
        if (!counted()) {
            return;
        }
        long now = now();
        int d = withoutUnstartedCalls();
        if (d > 0 && kind[d - 1] == METHOD && frameKey[d - 1] == id) {
            addTime(node[d - 1], now - start[d - 1]);
            target[d - 1] = null;
            depth = d - 1;
            return;
        }
        exitSlow(id, d, now);
    }

    /** The frame is not on top (an event was missed) or not on the stack (it started before the profiler). */
    private void exitSlow(int id, int d, long now) {
        int i = d - 1;
        while (i >= 0 && !(kind[i] == METHOD && frameKey[i] == id)) {
            i--;
        }
        if (i < 0) {
            depth = d;
            return;
        }
        for (int j = d - 1; j >= i; j--) {
            if (kind[j] != PENDING) {
                addTime(node[j], now - start[j]);
            }
            target[j] = null;
        }
        depth = i;
    }

    /**
     * {@code CALL}: pushes a pending entry for the target, unless the call's site is known to reach an instrumented
     * method, whose {@code METHOD_START} then comes next and lands under the caller all the same. The callback then
     * returns DISABLE for the site, which also ends its {@code EXTERNAL_RETURN} and {@code EXTERNAL_RAISE}, so the
     * site costs the profiler nothing more (calls are a third of javac's events, and nine in ten reach javac's own
     * code). A site is known when
     * <ul>
     * <li>it is a {@code STATIC} or {@code SPECIAL} call (its method fixed by the instruction) whose callee started
     *     right after it, named by it; or</li>
     * <li>it is a virtual or interface call whose first {@value #VIRTUAL_CALLS_TO_TRUST} calls all did: a site
     *     that ever reaches code that is not instrumented keeps its {@code CALL}.</li>
     * </ul>
     * The second is a guess: a site switched off that later reaches code that is not instrumented (a receiver of a
     * new class) shows that time as the caller's own, and what that code calls back as the caller's callees.
     *
     * @param callee what is called
     * @return whether the site needs no more {@code CALL} events (the callback's DISABLE)
     */
    public boolean call(CallTarget callee) {
        if (!counted()) {
            return false;
        }
        if (callees.get(callee) >= (isFixed(callee) ? 1 : VIRTUAL_CALLS_TO_TRUST)) {
            return true;
        }
        long now = now();
        int d = withoutUnstartedCalls();
        push(d, -1, 0, now, PENDING, callee);
        return false;
    }

    /** A pending call's named callee started: one more reason to trust its site. */
    private void calleeStarted(CallTarget t) {
        int seen = callees.get(t);
        if (seen == TargetTable.ABSENT || (seen == WENT_EXTERNAL && isFixed(t))) {
            callees.put(t, 1);
        } else if (seen != WENT_EXTERNAL && seen < VIRTUAL_CALLS_TO_TRUST) {
            callees.put(t, seen + 1);
        }
    }

    /** A call of the target ran code that is not instrumented: its site keeps its {@code CALL}. */
    private void wentExternal(CallTarget t) {
        callees.put(t, WENT_EXTERNAL);
    }

    /** @return whether the instruction fixes the method called: {@code STATIC} or {@code SPECIAL} */
    private static boolean isFixed(CallTarget t) {
        return t.kind() == CallTarget.Kind.STATIC || t.kind() == CallTarget.Kind.SPECIAL;
    }

    /**
     * {@code EXTERNAL_RETURN} or {@code EXTERNAL_RAISE}: closes the external frame of the call.
     *
     * @param callee what was called
     */
    public void externalExit(CallTarget callee) {
        if (!counted()) {
            return;
        }
        long now = now();
        int d = depth - 1;
        if (d < 0 || kind[d] == METHOD || !(target[d] == callee || target[d].equals(callee))) {
            return; // the call was taken for an instrumented one, or started before the profiler
        }
        int n = kind[d] == PENDING ? becomeExternal(d, callee) : node[d];
        addTime(n, now - start[d]);
        target[d] = null;
        depth = d;
    }

    private long now() {
        return systemClock ? System.nanoTime() : clock.getAsLong();
    }

    private int becomeExternal(int i, CallTarget callee) {
        wentExternal(callee);
        int k = externalKey(callee);
        int n = enter(i == 0 ? CallTree.ROOT : node[i - 1], k);
        node[i] = n;
        frameKey[i] = k;
        kind[i] = EXTERNAL;
        return n;
    }

    /**
     * Enters the child of {@code parent} for {@code key}: counts it in the tree, or, for a call on a path that the
     * budget left out (or under such a call), in {@link #untracked}; its time then counts as its caller's own.
     *
     * @return the child, or {@link CallTree#UNTRACKED}
     */
    private int enter(int parent, int key) {
        int n = parent == CallTree.UNTRACKED ? CallTree.UNTRACKED : tree.child(parent, key);
        if (n == CallTree.UNTRACKED) {
            untracked++;
        } else {
            tree.enter(n);
        }
        return n;
    }

    private void addTime(int n, long nanos) {
        if (n != CallTree.UNTRACKED) {
            tree.addTime(n, nanos);
        }
    }

    private int externalKey(CallTarget callee) {
        int k = externalKeys.get(callee);
        if (k == TargetTable.ABSENT) {
            k = keys.external(callee);
            externalKeys.putNew(callee, k);
        }
        return k;
    }

    /**
     * {@link #names}, remembered: a (target, unit) pair found to match is kept in a small table by the pair's hash,
     * so that a call site and its callee are compared by name once, not at every call, as long as the pair stays.
     */
    private boolean named(CallTarget t, int id, CodeUnit code) {
        int h = (System.identityHashCode(t) ^ (id * 0x9E3779B9)) & (NAMING - 1);
        if (namingTargets[h] == t && namedUnits[h] == id) {
            return true;
        }
        if (!names(t, code)) {
            return false;
        }
        namingTargets[h] = t;
        namedUnits[h] = id;
        return true;
    }

    /** Whether a started unit is what a pending call named: same name and descriptor, and class unless virtual. */
    private static boolean names(CallTarget t, CodeUnit code) {
        if (code == null || !t.name().equals(code.methodName()) || !t.descriptor().equals(code.descriptor())) {
            return false;
        }
        switch (t.kind()) {
            case STATIC:
            case SPECIAL:
                return t.owner().equals(code.className());
            default:
                return true;
        }
    }

    /** Counts one event; whether to record it (not while {@link #mute() muted}). */
    private boolean counted() {
        events++;
        return muted == 0;
    }

    /** The depth below the pending entries on top: calls that started nothing (a failed link) are dropped. */
    private int withoutUnstartedCalls() {
        int d = depth;
        while (d > 0 && kind[d - 1] == PENDING) {
            d--;
        }
        return d;
    }

    private void push(int d, int n, int key, long now, byte k, CallTarget t) {
        if (d == node.length) {
            growStack();
        }
        node[d] = n;
        frameKey[d] = key;
        start[d] = now;
        kind[d] = k;
        target[d] = t;
        depth = d + 1;
    }

    private void growStack() {
        int n = node.length * 2;
        node = Arrays.copyOf(node, n);
        frameKey = Arrays.copyOf(frameKey, n);
        start = Arrays.copyOf(start, n);
        kind = Arrays.copyOf(kind, n);
        target = Arrays.copyOf(target, n);
    }

    private void remember(int id, CodeUnit code) {
        CodeUnit[] u = units;
        if (id < u.length && u[id] != null) {
            return;
        }
        rememberSlow(id, code);
    }

    private void rememberSlow(int id, CodeUnit code) {
        if (id >= units.length) {
            units = Arrays.copyOf(units, Math.max(id + 1, units.length * 2));
        }
        units[id] = code;
    }

    /** Stops recording this thread's events while the profiler's own code runs on it, still counting them. */
    public void mute() {
        muted++;
    }

    /** Undoes one {@link #mute()}. */
    public void unmute() {
        muted--;
    }

    /**
     * A copy of this thread's tree, with the frames still open counted up to {@code now}. From another thread, a
     * possibly stale copy (see {@link CallTree#copy()}).
     *
     * @param now the time that open frames are counted to
     * @return the copy
     */
    public ThreadData snapshot(long now) {
        TreeData data = tree.copy();
        int d = Math.min(depth, node.length);
        int[] n = node;
        long[] s = start;
        byte[] k = kind;
        for (int i = 0; i < d && i < n.length && i < s.length && i < k.length; i++) {
            if (k[i] != PENDING && n[i] >= 0 && n[i] < data.size()) {
                data.addTime(n[i], now - s[i]);
            }
        }
        return new ThreadData(threadName, threadId, data, units.clone(), events, untracked);
    }

    /** @return the thread that records */
    Thread thread() {
        return thread;
    }

    /** @return the events delivered to this recorder so far */
    public long events() {
        return events;
    }
}
