package io.lowimpact.monitoring.instrument.internal;

import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.core.internal.Control;
import io.lowimpact.monitoring.core.internal.ProbeClass;
import io.lowimpact.monitoring.core.internal.Unit;
import io.lowimpact.monitoring.instrument.internal.analysis.ClassAnalysis;
import io.lowimpact.monitoring.instrument.internal.analysis.InvokeSite;
import io.lowimpact.monitoring.instrument.internal.analysis.LinePoint;
import io.lowimpact.monitoring.instrument.internal.analysis.MethodAnalysis;
import io.lowimpact.monitoring.instrument.internal.analysis.ThrowSite;
import io.lowimpact.monitoring.instrument.internal.probes.MethodPlan;
import io.lowimpact.monitoring.instrument.internal.probes.SlotAllocator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The code units of one class (one per method with code), registered with the core when the class is first
 * analysed, and the probe kinds each method was last given. The units' ids are baked into the class's probes,
 * so the same {@code ClassUnits} serves every later retransformation of the class.
 */
final class ClassUnits {

    /**
     * The demand bit of CALL, which its ancillary events (EXTERNAL_RETURN, EXTERNAL_RAISE) share: a class whose
     * demand has it gets probes at calls, which need the units' call targets.
     */
    static final int CALL_PROBES = 1 << Event.CALL.ordinal();

    private static final int[] NONE = new int[0];

    /** The class's methods with code, in class file order; a class has few, so lookups scan. */
    private final List<MethodUnit> methods = new ArrayList<>();
    private final ProbeClass probeClass;
    private final SlotAllocator slots;
    /** Event masks the class's methods were last transformed with, in {@link #methods} order; guarded by this. */
    private long[] applied;

    /** One method: its unit and what its probes need (line points as pairs offset, line, in offset order). */
    record MethodUnit(Unit unit, int index, int[] linePoints, int[] reraises) {
    }

    /**
     * Registers the units of a class with the core.
     *
     * @param analysis the class's analysis
     * @param control the core
     * @param withCalls whether to give the units their call targets now (the class gets call probes); else they get
     *        them from {@link #loadCalls} when it first does
     */
    ClassUnits(ClassAnalysis analysis, Control control, boolean withCalls) {
        Map<CallTarget, CallTarget> shared = new HashMap<>(); // a class calls the same methods many times
        for (MethodAnalysis method : analysis.methods()) {
            Map<Integer, CallTarget> targets = withCalls ? callTargets(method, shared) : null;
            // Kept as pairs of ints, not boxed maps: these stay in memory as long as the class does.
            int[] linePoints = new int[2 * method.linePoints().size()];
            int p = 0;
            for (LinePoint point : method.linePoints()) {
                linePoints[p++] = point.offset();
                linePoints[p++] = point.line();
            }
            int[] reraises = reraises(method);
            // Names interned: thousands of classes have methods named and typed alike, and a unit lives as long as
            // its class.
            Unit unit = control.units().add(id -> Unit.bytecode(id, analysis.className(), method.name().intern(),
                    method.descriptor().intern(), analysis.sourceFiles(), method.codeLength(), method.positions(),
                    method.lines(), method.branches(), targets, this));
            methods.add(new MethodUnit(unit, methods.size(), linePoints, reraises));
        }
        applied = new long[methods.size()];
        List<Unit> units = new ArrayList<>();
        for (MethodUnit method : methods) {
            units.add(method.unit());
        }
        probeClass = control.registerClass(units);
        slots = new SlotAllocator() {
            @Override
            public int classId() {
                return probeClass.id();
            }

            @Override
            public int allocate(int unitIndex, Event<?> event, int[] offsets, int[] tos) {
                return control.allocateSlots(probeClass, unitIndex, event, offsets, tos);
            }

            @Override
            public void imply(int slot, int implied) {
                control.implySlot(probeClass, slot, implied);
            }

            @Override
            public void publish() {
                control.publishSlots(probeClass);
            }
        };
    }

    /** Whether every unit of the class has its call targets. */
    synchronized boolean callsLoaded() {
        for (MethodUnit method : methods) {
            if (!method.unit().callsLoaded()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Gives the units their call targets, from an analysis of the same class, before the class's first call probe
     * (a call probe's slot keeps the index of its call). Methods are matched by name and descriptor: on a
     * retransformation the JVM may hand over a class file it rebuilt, whose methods come in another order.
     */
    synchronized void loadCalls(ClassAnalysis analysis) {
        Map<CallTarget, CallTarget> shared = new HashMap<>();
        for (MethodAnalysis method : analysis.methods()) {
            MethodUnit unit = method(method.name(), method.descriptor());
            if (unit != null) {
                unit.unit().loadCalls(callTargets(method, shared));
            }
        }
    }

    /** The call targets of a method by offset, their names interned and shared within the class. */
    private static Map<Integer, CallTarget> callTargets(MethodAnalysis method, Map<CallTarget, CallTarget> shared) {
        Map<Integer, CallTarget> targets = new HashMap<>();
        for (InvokeSite call : method.calls()) {
            targets.put(call.offset(), shared.computeIfAbsent(call.target(), ClassUnits::interned));
        }
        return targets;
    }

    /** The offsets of a method's RERAISE throws; most methods have none, and share one empty array. */
    private static int[] reraises(MethodAnalysis method) {
        int n = 0;
        for (ThrowSite site : method.throwSites()) {
            n += site.reraise() ? 1 : 0;
        }
        if (n == 0) {
            return NONE;
        }
        int[] offsets = new int[n];
        int i = 0;
        for (ThrowSite site : method.throwSites()) {
            if (site.reraise()) {
                offsets[i++] = site.offset();
            }
        }
        return offsets;
    }

    /**
     * The same call target with its names interned: thousands of classes call the same few thousand methods, and a
     * target stays in memory as long as its class.
     */
    private static CallTarget interned(CallTarget target) {
        return new CallTarget(target.owner().intern(), target.name().intern(), target.descriptor().intern(),
                target.kind());
    }

    /** @return the allocator of the class's probe slots */
    SlotAllocator slots() {
        return slots;
    }

    MethodUnit method(String name, String descriptor) {
        for (MethodUnit method : methods) {
            if (method.unit().methodName().equals(name) && method.unit().descriptor().equals(descriptor)) {
                return method;
            }
        }
        return null;
    }

    /**
     * The event masks each method needs now: {@code base} plus its unit's local events, and the part of them whose
     * probes may be stores or increments ({@link Control#unitDemand}).
     *
     * @param control the runtime
     * @param base the events every method gets
     * @param immediate events whose probes must call the runtime whoever wants them
     */
    long[] wanted(Control control, int base, int immediate) {
        long[] wanted = new long[methods.size()];
        int i = 0;
        for (MethodUnit method : methods) {
            wanted[i++] = control.unitDemand(method.unit(), base, immediate);
        }
        return wanted;
    }

    synchronized boolean differs(long[] wanted) {
        return !Arrays.equals(applied, wanted);
    }

    synchronized void applied(long[] masks) {
        applied = masks.clone();
    }

    /** The plan of one method for the given masks, or null when it needs no probe. */
    MethodPlan plan(String name, String descriptor, long[] masks, Predicate<String> external) {
        MethodUnit method = method(name, descriptor);
        if (method == null || masks[method.index()] == 0) {
            return null;
        }
        long mask = masks[method.index()];
        return new MethodPlan(method.unit().id(), method.index(), (int) mask, method.linePoints(),
                method.reraises(), external, (int) (mask >>> Control.COUNTED_SHIFT));
    }
}
