package io.lowimpact.monitoring.rhino.internal;

import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.debug.DebugFrame;

/**
 * The hooks of one running frame of a script or function, given only to frames entered while some tool would
 * receive an event of their unit ({@link UnitDebugger#getFrame}). Each hook checks its probe's {@code isActive()}
 * first: a line no tool wants costs an array load, one {@code isActive()} read and two field writes.
 *
 * <p>What is derived rather than reported by Rhino:
 * <ul>
 *   <li>{@code METHOD_RESUME}: Rhino calls {@code onEnter} again on the same frame when a generator resumes.</li>
 *   <li>{@code RERAISE}: {@code onExceptionThrown} with the exception this frame already saw (a {@code finally}
 *       rethrowing); an exception arriving from a callee that Rhino reports again (a call through Java code) is
 *       not raised twice.</li>
 *   <li>{@code EXCEPTION_HANDLED}: a frame that saw an exception (thrown in it, or arriving from a callee that
 *       unwound) and goes on to a line or returns normally has handled it; the event fires at that line's offset
 *       (or the exit), before its {@code LINE}.</li>
 * </ul>
 */
final class ProbeFrame implements DebugFrame {

    private final ScriptUnit unit;
    private FrameStack stack;
    private ProbeFrame caller;
    /** The offset of the current line; 0 (the entry) before the first. */
    private int offset;
    private boolean entered;
    /** The last exception seen in this frame; {@code pending} while not yet known to be handled. */
    private Throwable exception;
    private boolean pending;
    /** Whether {@link #exception} arrived from a callee rather than being thrown here. */
    private boolean arrived;

    ProbeFrame(ScriptUnit unit) {
        this.unit = unit;
    }

    @Override
    public void onEnter(Context cx, Scriptable activation, Scriptable thisObj, Object[] args) {
        Probe p = entered ? unit.resume : unit.start;
        if (!entered) {
            entered = true;
            stack = (FrameStack) cx.getDebuggerContextData();
        }
        if (stack != null) {
            caller = stack.top;
            stack.top = this;
        }
        offset = 0;
        if (p.isActive()) {
            p.fire();
        }
    }

    @Override
    public void onLineChange(Context cx, int lineNumber) {
        int i = lineNumber - unit.firstLine;
        Probe[] probes = unit.lineProbes;
        if (i < 0 || i >= probes.length || probes[i] == null) {
            return; // a line Rhino did not list for this unit: nothing to map it to
        }
        offset = unit.offsetByLine[i];
        if (stack != null) {
            stack.top = this; // frames above that never exited were generators that suspended
        }
        if (pending) {
            handled();
        }
        Probe p = probes[i];
        if (p.isActive()) {
            p.fire();
        }
    }

    @Override
    public void onExceptionThrown(Context cx, Throwable ex) {
        if (ex == exception) {
            if (arrived) {
                arrived = false; // a callee's exception that came back through Java code: not raised here
                return;
            }
            Probe p = unit.reraise(offset);
            pending = true;
            if (p.isActive()) {
                p.fireException(ex);
            }
            return;
        }
        if (pending) {
            handled(); // a new exception while the frame still ran: the earlier one was caught
        }
        exception = ex;
        pending = true;
        arrived = false;
        Probe p = unit.raise(offset);
        if (p.isActive()) {
            p.fireException(ex);
        }
    }

    @Override
    public void onExit(Context cx, boolean byThrow, Object resultOrException) {
        if (stack != null) {
            stack.top = caller;
            if (byThrow && caller != null && resultOrException instanceof Throwable) {
                caller.arrive((Throwable) resultOrException);
            }
        }
        offset = unit.exit;
        if (byThrow) {
            pending = false;
            Probe p = unit.unwound;
            if (p.isActive()) {
                p.fireException(resultOrException instanceof Throwable
                        ? (Throwable) resultOrException : new IllegalStateException(String.valueOf(resultOrException)));
            }
            return;
        }
        if (pending) {
            handled();
        }
        Probe p = unit.returned;
        if (p.isActive()) {
            p.fireReturn(resultOrException == null ? Monitoring.MISSING : resultOrException);
        }
    }

    /** A {@code debugger;} statement: no monitoring event stands for it. */
    @Override
    public void onDebuggerStatement(Context cx) {
    }

    private void arrive(Throwable ex) {
        if (pending && ex != exception) {
            handled();
        }
        exception = ex;
        pending = true;
        arrived = true;
    }

    private void handled() {
        pending = false;
        arrived = false;
        Probe p = unit.handled(offset);
        if (p.isActive()) {
            p.fireException(exception);
        }
    }
}
