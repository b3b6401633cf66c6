package io.lowimpact.monitoring.rhino.internal;

import org.mozilla.javascript.debug.DebuggableScript;

/**
 * What Lowimpact keeps per Rhino {@code Context} (so per thread), as the context's debugger data: the innermost
 * hooked frame, so that a frame left by an exception can tell its caller that the exception arrived there; and a
 * small direct-mapped cache from compiled scripts to their units, so that entering a frame does not look up the
 * shared map. Confined to the context's thread: no synchronisation.
 */
final class FrameStack {

    private static final int SLOTS = 64;

    /** The innermost frame that has not exited; may be a suspended generator until its caller's next line. */
    ProbeFrame top;
    private final DebuggableScript[] scripts = new DebuggableScript[SLOTS];
    private final ScriptUnit[] units = new ScriptUnit[SLOTS];

    /** @return the cached unit of a script, or null */
    ScriptUnit cached(DebuggableScript script) {
        int i = System.identityHashCode(script) & (SLOTS - 1);
        return scripts[i] == script ? units[i] : null;
    }

    void cache(DebuggableScript script, ScriptUnit unit) {
        int i = System.identityHashCode(script) & (SLOTS - 1);
        scripts[i] = script;
        units[i] = unit;
    }
}
