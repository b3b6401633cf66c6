package io.lowimpact.tools.profiler.internal;

import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.CodeUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The names of frame keys at a snapshot: code units from the threads that saw them, callees from the keys. */
public final class Frames {

    /**
     * A frame's names.
     *
     * @param name {@code class.method}, the name in stacks
     * @param descriptor the descriptor
     * @param external whether it is an external callee
     */
    public record Frame(String name, String descriptor, boolean external) {

        /** @return name, descriptor and an {@code " (external)"} mark: the label of tables */
        public String label() {
            return name + descriptor + (external ? " (external)" : "");
        }
    }

    private final Map<Integer, Frame> frames = new HashMap<>();
    private final FrameKeys keys;

    /**
     * @param threads the threads of the snapshot
     * @param keys the profiler's external keys
     */
    public Frames(List<ThreadData> threads, FrameKeys keys) {
        this.keys = keys;
        for (ThreadData t : threads) {
            CodeUnit[] units = t.units();
            for (int id = 0; id < units.length; id++) {
                CodeUnit u = units[id];
                if (u != null && !frames.containsKey(id)) {
                    frames.put(id, new Frame(u.className() + "." + u.methodName(), u.descriptor(), false));
                }
            }
        }
    }

    /**
     * @param key a frame key of a tree
     * @return its names
     */
    public Frame frame(int key) {
        Frame f = frames.get(key);
        if (f == null) {
            f = FrameKeys.isExternal(key) ? external(keys.target(key)) : new Frame("unit#" + key, "", false);
            frames.put(key, f);
        }
        return f;
    }

    private static Frame external(CallTarget t) {
        return new Frame(t.owner() + "." + t.name(), t.descriptor(), true);
    }
}
