package io.lowimpact.monitoring.rhino;

import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.rhino.internal.UnitDebugger;

import org.mozilla.javascript.Context;

import java.util.List;
import java.util.Objects;

/**
 * Makes JavaScript that Rhino interprets visible to every Lowimpact tool.
 *
 * <pre>{@code
 * try (Context cx = Context.enter()) {
 *     RhinoMonitoring.install(cx);                 // interpreted mode, debug information, Lowimpact's hooks
 *     Scriptable scope = cx.initStandardObjects();
 *     cx.evaluateString(scope, source, "app.js", 1, null);
 * }
 * }</pre>
 *
 * <p>Every script and function compiled afterwards on that context is a {@link CodeUnit}: its
 * {@link CodeUnit#className()} is the source name, its {@link CodeUnit#methodName()} the function's name
 * ({@code "<script>"} for the top level, {@code "<anonymous>"} for a function without one), its
 * {@link CodeUnit#descriptor()} the parameter list ({@code "(a, b)"}; empty for a script). Offsets:
 * {@code 0} is the entry, {@code 1 .. n} the unit's lines in ascending order, {@code n + 1} the exit; see
 * {@code docs/guide.md} for the events and what Rhino gives no hook for.
 *
 * <p>While no probe of a unit is active ({@link CodeUnit#hasActiveProbes()}), its frames get no hooks: a call then
 * costs a cache lookup and one field read, and its lines cost nothing ({@code docs/benchmarks.md}). The rule for a
 * tool that starts while frames run: a frame gets hooks when it is entered, if some probe of its unit is active
 * then; so the tool sees each unit's events from its next entry, and a frame entered before (the caller, a generator
 * made earlier) fires nothing until it exits, like a bytecode method entered before its class was retransformed. A
 * tool that stops receives nothing more at once. Code compiled before {@link #install(Context)}, or by a context
 * without it, fires nothing.
 */
public final class RhinoMonitoring {

    private RhinoMonitoring() {
    }

    /**
     * Installs Lowimpact's hooks on a context: interpreted mode (the optimizer's compiled classes have no hooks),
     * debug information on, and Lowimpact's Rhino debugger. Installing twice does nothing more.
     *
     * @param cx a context that is not sealed
     * @return the same context
     * @throws IllegalStateException if the context has another debugger (Rhino takes one per context)
     * @throws NullPointerException if {@code cx} is null
     */
    public static Context install(Context cx) {
        UnitDebugger.INSTANCE.install(Objects.requireNonNull(cx, "cx must not be null"));
        return cx;
    }

    /** @return every unit defined so far by installed contexts, in the order Rhino compiled them */
    public static List<CodeUnit> units() {
        return UnitDebugger.INSTANCE.units();
    }

    /**
     * @param sourceName a script's source name, as given to Rhino
     * @return the units of that source, in the order Rhino compiled them
     */
    public static List<CodeUnit> units(String sourceName) {
        Objects.requireNonNull(sourceName, "sourceName must not be null");
        return units().stream().filter(u -> sourceName.equals(u.className())).toList();
    }
}
