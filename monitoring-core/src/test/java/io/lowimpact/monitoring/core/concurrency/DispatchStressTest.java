package io.lowimpact.monitoring.core.concurrency;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CallCallback;
import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CodeUnitSpec;
import io.lowimpact.monitoring.ErrorHandler;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.ExceptionCallback;
import io.lowimpact.monitoring.InstructionCallback;
import io.lowimpact.monitoring.JumpCallback;
import io.lowimpact.monitoring.LineCallback;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;
import io.lowimpact.monitoring.StartCallback;
import io.lowimpact.monitoring.Tool;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Fires events from several threads while other threads change every piece of tool state at random (S12, S14,
 * S18, S19, S22, S23, S29, S30, S5), for about two seconds, and checks what can be checked exactly:
 * <ul>
 * <li>no exception reaches a firing or a changing thread, and no thread is stuck at the end;</li>
 * <li>tool 0 ("steady"), whose state never changes, receives every fire exactly once (S23: no lost or duplicated
 * event for an unaffected tool);</li>
 * <li>tool 1 ("once") DISABLEs every location at its first event; each location is fired by one thread only, so
 * between two deliveries at one location some restart must have begun after the first delivery read the count of
 * finished restarts (S18, S30);</li>
 * <li>no callback of a freed tool runs in a delivery that began after {@code freeToolId} returned (S5): the freeing
 * thread stamps the generation with {@code epoch.incrementAndGet()} after the free, each firing thread reads the
 * epoch before each fire, and a callback seeing a read epoch at or above its generation's stamp is a violation;</li>
 * <li>error handlers receive only the errors the chaos callbacks make on purpose (S19, S22).</li>
 * </ul>
 * Randomness is seeded per thread; the interleaving is not reproducible, the choices of each thread are.
 */
@Tag("stress")
class DispatchStressTest {

    private static final long RUN_NANOS = 2_000_000_000L;
    private static final long JOIN_MILLIS = 10_000;
    private static final long SEED = 0x669_5EEDL;
    private static final int FIRING_THREADS = 4;
    private static final int CHAOS_THREADS = 2;
    /** Units 0..3 belong to one firing thread each; unit 4 is fired by all. */
    private static final int SHARED = FIRING_THREADS;
    private static final int UNITS = FIRING_THREADS + 1;
    /** Per unit: LINE at 0, 4, 8, 12 (lines 1..4); edges 16->18, 16->24, 20->22, 20->28, 20->32; CALL 26; RAISE 30. */
    private static final int PER_UNIT = 11;
    private static final int CALL_INDEX = 9;
    private static final int RAISE_INDEX = 10;
    private static final EventSet FIRED = EventSet.of(Event.LINE, Event.BRANCH_LEFT, Event.BRANCH_RIGHT, Event.CALL,
            Event.RAISE);
    private static final List<Event<?>> CHAOS_EVENTS = List.of(Event.LINE, Event.BRANCH_LEFT, Event.BRANCH_RIGHT,
            Event.CALL, Event.RAISE, Event.INSTRUCTION, Event.METHOD_START);
    private static final CallTarget CALLEE = new CallTarget("stress.Callee", "run", "()V", CallTarget.Kind.STATIC);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RAISE_MISUSE = "cannot disable RAISE events; callback removed";

    private final Queue<String> violations = new ConcurrentLinkedQueue<>();
    private final AtomicLong epoch = new AtomicLong();
    private final AtomicLong restartsStarted = new AtomicLong();
    private final AtomicLong restartsFinished = new AtomicLong();
    private final Map<Integer, Integer> unitIndex = new HashMap<>();
    private final CodeUnit[] units = new CodeUnit[UNITS];
    private final Probe[] probes = new Probe[UNITS * PER_UNIT];
    private final AtomicLongArray steady = new AtomicLongArray(UNITS * PER_UNIT);
    /** Tool 1's deliveries per location; each location is written only by the thread that owns its unit. */
    private final long[] onceCount = new long[UNITS * PER_UNIT];
    private final long[] onceFinishedSeen = new long[UNITS * PER_UNIT];
    private volatile long deadline;

    @BeforeEach
    void defineUnits() {
        freeAllTools();
        for (int u = 0; u < UNITS; u++) {
            CodeUnit code = CodeUnit.define(CodeUnitSpec.builder("stress.dispatch", "unit" + u + "$" + SEQUENCE.incrementAndGet())
                    .length(40).line(0, 4, 1).line(4, 8, 2).line(8, 12, 3).line(12, 40, 4)
                    .branch(16, 18, 24).branch(20, 22, 28, 32).build());
            units[u] = code;
            unitIndex.put(code.id(), u);
            int base = u * PER_UNIT;
            for (int line = 0; line < 4; line++) {
                probes[base + line] = Monitoring.probe(code, Event.LINE, 4 * line);
            }
            probes[base + 4] = Monitoring.probe(code, Event.BRANCH_LEFT, 16, 18);
            probes[base + 5] = Monitoring.probe(code, Event.BRANCH_RIGHT, 16, 24);
            probes[base + 6] = Monitoring.probe(code, Event.BRANCH_LEFT, 20, 22);
            probes[base + 7] = Monitoring.probe(code, Event.BRANCH_RIGHT, 20, 28);
            probes[base + 8] = Monitoring.probe(code, Event.BRANCH_RIGHT, 20, 32);
            probes[base + CALL_INDEX] = Monitoring.probe(code, Event.CALL, 26, CALLEE);
            probes[base + RAISE_INDEX] = Monitoring.probe(code, Event.RAISE, 30);
        }
    }

    @AfterEach
    void freeAllTools() {
        for (int id = Monitoring.MIN_TOOL_ID; id <= Monitoring.MAX_TOOL_ID; id++) {
            Monitoring.freeToolId(id);
        }
    }

    /** The location index of an event, from what its callback receives. */
    private int index(CodeUnit code, Event<?> event, int a, int b) {
        Integer u = unitIndex.get(code.id());
        if (u == null) {
            violations.add("event in an unknown unit " + code.className() + "." + code.methodName());
            return 0;
        }
        int local;
        if (event == Event.LINE) {
            local = a - 1;
        } else if (event == Event.BRANCH_LEFT) {
            local = a == 16 ? 4 : 6;
        } else if (event == Event.BRANCH_RIGHT) {
            local = a == 16 ? 5 : b == 28 ? 7 : 8;
        } else if (event == Event.CALL) {
            local = CALL_INDEX;
        } else {
            local = RAISE_INDEX;
        }
        return u * PER_UNIT + local;
    }

    private ErrorHandler noErrors(String tool) {
        return (event, code, error) -> violations.add(tool + " got an error on " + event + ": " + error);
    }

    private Tool useSteadyTool() {
        Tool tool = Monitoring.useToolId(0, "steady");
        tool.onError(noErrors("steady"));
        tool.registerCallback(Event.LINE, (code, line) -> steady(code, Event.LINE, line, -1));
        tool.registerCallback(Event.BRANCH_LEFT, (code, from, to) -> steady(code, Event.BRANCH_LEFT, from, to));
        tool.registerCallback(Event.BRANCH_RIGHT, (code, from, to) -> steady(code, Event.BRANCH_RIGHT, from, to));
        tool.registerCallback(Event.CALL, (code, offset, target, arg0) -> steady(code, Event.CALL, offset, -1));
        tool.registerCallback(Event.RAISE, (code, offset, exception) -> steady(code, Event.RAISE, offset, -1));
        tool.setEvents(FIRED);
        return tool;
    }

    private Action steady(CodeUnit code, Event<?> event, int a, int b) {
        steady.incrementAndGet(index(code, event, a, b));
        return Action.CONTINUE;
    }

    private Tool useOnceTool() {
        Tool tool = Monitoring.useToolId(1, "once");
        tool.onError(noErrors("once"));
        tool.registerCallback(Event.LINE, (code, line) -> once(code, Event.LINE, line, -1));
        tool.registerCallback(Event.BRANCH_LEFT, (code, from, to) -> once(code, Event.BRANCH_LEFT, from, to));
        tool.registerCallback(Event.BRANCH_RIGHT, (code, from, to) -> once(code, Event.BRANCH_RIGHT, from, to));
        tool.registerCallback(Event.CALL, (code, offset, target, arg0) -> once(code, Event.CALL, offset, -1));
        for (int u = 0; u < FIRING_THREADS; u++) {
            tool.setLocalEvents(units[u], EventSet.of(Event.LINE, Event.BRANCH_LEFT, Event.BRANCH_RIGHT, Event.CALL));
        }
        return tool;
    }

    private Action once(CodeUnit code, Event<?> event, int a, int b) {
        int i = index(code, event, a, b);
        if (i / PER_UNIT == SHARED) {
            violations.add("once received " + event + " in the shared unit, where it has no events");
            return Action.CONTINUE;
        }
        long started = restartsStarted.get();
        if (onceCount[i] > 0 && started <= onceFinishedSeen[i]) {
            violations.add("once received location " + i + " (" + event + ") again with no restart since its"
                    + " DISABLE: restarts started " + started + ", finished at the previous delivery "
                    + onceFinishedSeen[i]);
        }
        onceFinishedSeen[i] = restartsFinished.get();
        onceCount[i]++;
        return Action.DISABLE;
    }

    private void restartAll() {
        restartsStarted.incrementAndGet();
        Monitoring.restartEvents();
        restartsFinished.incrementAndGet();
    }

    /** Thrown by chaos callbacks on purpose. */
    static final class ChaosFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ChaosFailure() {
            super("on purpose", null, false, false);
        }
    }

    /** One claim of a chaos tool id, from use to free. */
    final class Generation {
        final int id;
        final String name;
        volatile long freedAt = Long.MAX_VALUE;
        volatile boolean disables;

        Generation(int id, String name) {
            this.id = id;
            this.name = name;
        }

        Action deliver(Event<?> event) {
            Thread current = Thread.currentThread();
            if (!(current instanceof FiringThread)) {
                violations.add(name + " got " + event + " on " + current.getName() + ", not a firing thread");
                return Action.CONTINUE;
            }
            FiringThread firing = (FiringThread) current;
            long freed = freedAt;
            if (firing.epochBeforeFire >= freed) {
                violations.add(name + " got " + event + " in a delivery that began after it was freed (epoch "
                        + firing.epochBeforeFire + ", freed at " + freed + ")");
            }
            int r = firing.random.nextInt(100);
            if (r < 2) {
                throw new ChaosFailure();
            } else if (r < 4) {
                restartAll();
            } else if (r < 6) {
                Monitoring.restartEvents(id);
            }
            return disables && r < 50 ? Action.DISABLE : Action.CONTINUE;
        }

        void onError(Event<?> event, CodeUnit code, Throwable error) {
            boolean expected = error instanceof ChaosFailure
                    || (event == Event.RAISE && error instanceof IllegalStateException
                    && RAISE_MISUSE.equals(error.getMessage()));
            if (!expected) {
                violations.add(name + " got an unexpected error on " + event + ": " + error);
            }
        }

        <C> void register(Tool tool, Event<C> event) {
            Object callback;
            if (event.callbackType() == LineCallback.class) {
                callback = (LineCallback) (code, line) -> deliver(event);
            } else if (event.callbackType() == JumpCallback.class) {
                callback = (JumpCallback) (code, from, to) -> deliver(event);
            } else if (event.callbackType() == CallCallback.class) {
                callback = (CallCallback) (code, offset, target, arg0) -> deliver(event);
            } else if (event.callbackType() == ExceptionCallback.class) {
                callback = (ExceptionCallback) (code, offset, exception) -> deliver(event);
            } else if (event.callbackType() == InstructionCallback.class) {
                callback = (InstructionCallback) (code, offset) -> deliver(event);
            } else {
                callback = (StartCallback) (code, offset) -> deliver(event);
            }
            tool.registerCallback(event, event.cast(callback));
        }
    }

    /** Fires probes of its own unit and of the shared one, counting each fire. */
    final class FiringThread extends Thread {
        final int owner;
        final Random random;
        final long[] fires = new long[UNITS * PER_UNIT];
        /** The epoch read before the fire in progress; read by callbacks on this thread. */
        long epochBeforeFire;
        private final Object arg0 = new Object();
        private final RuntimeException raised = new IllegalStateException("raised by the monitored code");

        FiringThread(int owner) {
            super("firing-" + owner);
            this.owner = owner;
            this.random = new Random(SEED + owner);
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                while (System.nanoTime() < deadline) {
                    for (int k = 0; k < 64; k++) {
                        int unit = random.nextBoolean() ? owner : SHARED;
                        int local = random.nextInt(PER_UNIT);
                        int i = unit * PER_UNIT + local;
                        epochBeforeFire = epoch.get();
                        if (local == CALL_INDEX) {
                            probes[i].fireCall(arg0);
                        } else if (local == RAISE_INDEX) {
                            probes[i].fireException(raised);
                        } else {
                            probes[i].fire();
                        }
                        fires[i]++;
                    }
                }
            } catch (Throwable t) {
                violations.add(getName() + " caught " + t);
            }
        }
    }

    /** Changes the state of its own tool ids at random. */
    final class ChaosThread extends Thread {
        final int[] ids;
        final Random random;
        final Tool[] tools;
        final Generation[] generations;
        int claims;

        ChaosThread(int index, int... ids) {
            super("chaos-" + index);
            this.ids = ids;
            this.random = new Random(SEED * 31 + index);
            this.tools = new Tool[ids.length];
            this.generations = new Generation[ids.length];
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                while (System.nanoTime() < deadline) {
                    step(random.nextInt(ids.length));
                }
                for (int k = 0; k < ids.length; k++) {
                    if (tools[k] != null) {
                        free(k);
                    }
                }
            } catch (Throwable t) {
                violations.add(getName() + " caught " + t);
            }
        }

        private void step(int k) {
            Tool tool = tools[k];
            int op = random.nextInt(100);
            if (tool == null) {
                use(k);
            } else if (op < 8) {
                free(k);
            } else if (op < 30) {
                tool.setEvents(randomSet(false));
            } else if (op < 45) {
                tool.setLocalEvents(units[random.nextInt(UNITS)], randomSet(true));
            } else if (op < 65) {
                Event<?> event = CHAOS_EVENTS.get(random.nextInt(CHAOS_EVENTS.size()));
                if (random.nextBoolean()) {
                    generations[k].register(tool, event);
                } else {
                    tool.registerCallback(event, null);
                }
            } else if (op < 77) {
                if (random.nextBoolean()) {
                    tool.restartEvents();
                } else {
                    Monitoring.restartEvents(ids[k]);
                }
            } else if (op < 83) {
                restartAll();
            } else if (op < 88) {
                tool.clear();
                tool.onError(generations[k]::onError); // whether clear keeps the handler is not specified
            } else {
                generations[k].disables = !generations[k].disables;
            }
        }

        private void use(int k) {
            int id = ids[k];
            Generation generation = new Generation(id, "chaos " + id + "#" + (++claims));
            Tool tool = Monitoring.useToolId(id, generation.name);
            tool.onError(generation::onError);
            generation.disables = random.nextBoolean();
            for (Event<?> event : CHAOS_EVENTS) {
                if (random.nextBoolean()) {
                    generation.register(tool, event);
                }
            }
            tool.setEvents(randomSet(false));
            tools[k] = tool;
            generations[k] = generation;
        }

        private void free(int k) {
            if (random.nextBoolean()) {
                tools[k].close();
            } else {
                Monitoring.freeToolId(ids[k]);
            }
            generations[k].freedAt = epoch.incrementAndGet();
            tools[k] = null;
            generations[k] = null;
        }

        private EventSet randomSet(boolean local) {
            EventSet set = EventSet.NONE;
            for (Event<?> event : CHAOS_EVENTS) {
                if ((!local || event.kind() == Event.Kind.LOCAL) && random.nextInt(3) == 0) {
                    set = set.with(event);
                }
            }
            return set;
        }
    }

    @Test
    void s23_concurrentFiringAndStateChanges() throws InterruptedException {
        Tool steadyTool = useSteadyTool();
        Tool onceTool = useOnceTool();
        List<FiringThread> firing = new ArrayList<>();
        for (int t = 0; t < FIRING_THREADS; t++) {
            firing.add(new FiringThread(t));
        }
        List<ChaosThread> chaos = new ArrayList<>();
        for (int c = 0; c < CHAOS_THREADS; c++) {
            chaos.add(new ChaosThread(c, 2 + 2 * c, 3 + 2 * c));
        }
        List<Thread> all = new ArrayList<>(firing);
        all.addAll(chaos);
        deadline = System.nanoTime() + RUN_NANOS;
        for (Thread t : all) {
            t.start();
        }
        long joinDeadline = System.currentTimeMillis() + JOIN_MILLIS;
        for (Thread t : all) {
            t.join(Math.max(1, joinDeadline - System.currentTimeMillis()));
        }
        StringBuilder stuck = new StringBuilder();
        for (Thread t : all) {
            if (t.isAlive()) {
                stuck.append(t.getName()).append(" is still running:");
                for (StackTraceElement e : t.getStackTrace()) {
                    stuck.append("\n    at ").append(e);
                }
                stuck.append('\n');
            }
        }
        if (stuck.length() > 0) {
            fail("deadlock or livelock after " + JOIN_MILLIS + " ms:\n" + stuck);
        }

        assertEquals(List.of(), new ArrayList<>(violations).subList(0, Math.min(20, violations.size())),
                violations.size() + " violations");
        assertEquals(0, steadyTool.errorCount());
        assertEquals(0, onceTool.errorCount());
        assertEquals(EventSet.of(Event.LINE, Event.BRANCH_LEFT, Event.BRANCH_RIGHT, Event.CALL),
                onceTool.getLocalEvents(units[0]));

        long[] fired = new long[UNITS * PER_UNIT];
        long total = 0;
        for (FiringThread t : firing) {
            for (int i = 0; i < fired.length; i++) {
                fired[i] += t.fires[i];
            }
        }
        long[] received = new long[fired.length];
        for (int i = 0; i < fired.length; i++) {
            received[i] = steady.get(i);
            total += fired[i];
        }
        assertTrue(total > 0, "nothing was fired");
        assertEquals(Arrays.toString(fired), Arrays.toString(received), "steady must receive every fire exactly once");

        long restarts = restartsStarted.get();
        for (int i = 0; i < fired.length; i++) {
            if (i / PER_UNIT == SHARED || i % PER_UNIT == RAISE_INDEX) {
                assertEquals(0, onceCount[i], "once has no events at location " + i);
            } else if (fired[i] > 0) {
                assertTrue(onceCount[i] >= 1, "once missed the first event at location " + i);
                assertTrue(onceCount[i] <= Math.min(fired[i], 1 + restarts),
                        "once got location " + i + " " + onceCount[i] + " times with " + restarts + " restarts");
            }
        }
    }
}
