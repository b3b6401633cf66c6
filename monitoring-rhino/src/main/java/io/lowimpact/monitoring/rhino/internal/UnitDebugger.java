package io.lowimpact.monitoring.rhino.internal;

import io.lowimpact.monitoring.CodeUnit;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.debug.DebugFrame;
import org.mozilla.javascript.debug.DebuggableScript;
import org.mozilla.javascript.debug.Debugger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Rhino {@link Debugger} that makes each compiled script and function a code unit, and gives each frame the
 * hooks that fire its probes. One for the JVM; every installed {@code Context} shares it.
 *
 * <p>Units are kept for the JVM's lifetime, like every code unit (ids are never reused), together with the
 * compiled script they describe.
 */
public final class UnitDebugger implements Debugger {

    /** The one instance. */
    public static final UnitDebugger INSTANCE = new UnitDebugger();

    private final Map<DebuggableScript, ScriptUnit> units = new ConcurrentHashMap<>();
    private final List<CodeUnit> defined = new ArrayList<>();

    private UnitDebugger() {
    }

    /**
     * Makes a context run in interpreted mode with this debugger.
     *
     * @param cx the context, entered on the current thread and not sealed
     * @throws IllegalStateException if the context already has another debugger
     */
    public void install(Context cx) {
        if (cx.getDebugger() != null && cx.getDebugger() != this) {
            throw new IllegalStateException("context already has a debugger: " + cx.getDebugger()
                    + " (Rhino takes one debugger per context)");
        }
        cx.setInterpretedMode(true);
        cx.setGeneratingDebug(true);
        if (cx.getDebugger() != this) {
            cx.setDebugger(this, new FrameStack());
        }
    }

    /** Called by Rhino once for the script and once for each of its functions, nested ones included. */
    @Override
    public void handleCompilationDone(Context cx, DebuggableScript fnOrScript, String source) {
        units.computeIfAbsent(fnOrScript, script -> {
            ScriptUnit unit = ScriptUnit.define(script);
            synchronized (defined) {
                defined.add(unit.code);
            }
            return unit;
        });
    }

    /**
     * Gives a frame its hooks, or none (null) when no probe of its unit is active now
     * ({@link CodeUnit#hasActiveProbes()}, one field read): then Rhino runs the frame as without a debugger. Like a
     * bytecode method entered before its class was retransformed, a frame entered while nothing listened fires
     * nothing until it exits (a generator: ever), even if a tool starts meanwhile; the next call of the unit fires.
     */
    @Override
    public DebugFrame getFrame(Context cx, DebuggableScript fnOrScript) {
        Object data = cx.getDebuggerContextData();
        FrameStack stack = data instanceof FrameStack ? (FrameStack) data : null;
        ScriptUnit unit = stack != null ? stack.cached(fnOrScript) : null;
        if (unit == null) {
            unit = unitOrNull(fnOrScript, stack);
        }
        return unit == null || !unit.code.hasActiveProbes() ? null : new ProbeFrame(unit);
    }

    /** The slow path of {@link #getFrame}: the shared map, then the context's cache. */
    private ScriptUnit unitOrNull(DebuggableScript script, FrameStack stack) {
        ScriptUnit unit = units.get(script);
        if (unit != null && stack != null) {
            stack.cache(script, unit);
        }
        return unit; // null: compiled before install, no unit to fire in
    }

    /** @return the units defined so far, in the order Rhino compiled them */
    public List<CodeUnit> units() {
        synchronized (defined) {
            return List.copyOf(defined);
        }
    }

    /**
     * @param script a compiled script or function
     * @return its unit, or null when it was compiled without this debugger
     */
    public CodeUnit unitOf(DebuggableScript script) {
        ScriptUnit unit = units.get(script);
        return unit == null ? null : unit.code;
    }
}
