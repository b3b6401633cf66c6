package io.lowimpact.monitoring.core.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Which probe kinds classes need, for the agent's lazy instrumentation (S39): the union of the tools' global events
 * for every class, and of their local events for a unit; and the listeners told after a change.
 */
final class Demand {

    private final ToolState[] tools;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** The union of the tools' global events, kept current under the Control lock, read without it. */
    private volatile int global;

    Demand(ToolState[] tools) {
        this.tools = tools;
    }

    void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** @return the union of every tool's global events; no lock: the agent asks at every class it loads */
    int global() {
        return global;
    }

    /** Recomputes the union after a tool's global events changed, or a tool was cleared or freed; under the lock. */
    void recompute() {
        int any = 0;
        for (ToolState tool : tools) {
            any |= tool.inUse ? tool.globalMask : 0;
        }
        global = any;
    }

    /** Tells the listeners; caller does not hold the Control lock (they may ask for demand). */
    void changed() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                System.getLogger("io.lowimpact.monitoring").log(System.Logger.Level.WARNING,
                        "demand listener failed: " + e);
            }
        }
    }
}
