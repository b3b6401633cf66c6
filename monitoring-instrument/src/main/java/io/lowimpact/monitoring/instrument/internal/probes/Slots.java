package io.lowimpact.monitoring.instrument.internal.probes;

import io.lowimpact.monitoring.Event;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LdcInsnNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The probe slots one method asks for while its probes are emitted, in emission order: the emitter is the one
 * place that decides where probes go and in which order, and slots follow it. Each slot is pushed by a placeholder
 * instruction that {@link #patch} replaces once the class's slots are allocated (the first slot of each event's
 * probes in this method is only known then).
 */
final class Slots {

    /** One event's probe locations in this method, and the placeholders that push their slots. */
    private static final class Group {
        final List<long[]> locations = new ArrayList<>();
        final Map<Long, Integer> index = new HashMap<>();
        final List<LdcInsnNode> pushes = new ArrayList<>();
        final List<Integer> pushed = new ArrayList<>();
    }

    private final int unitIndex;
    private final Group[] groups = new Group[Event.COUNT];

    Slots(int unitIndex) {
        this.unitIndex = unitIndex;
    }

    /**
     * A placeholder that pushes the slot of a location; the same location always gets the same slot.
     *
     * @param event the event
     * @param offset the offset, or an edge's {@code from}
     * @param to an edge's destination, or -1
     * @return an instruction to put where the slot number goes
     */
    AbstractInsnNode push(Event<?> event, int offset, int to) {
        Group group = groups[event.ordinal()];
        if (group == null) {
            group = groups[event.ordinal()] = new Group();
        }
        long key = (long) offset << 32 | (to & 0xFFFFFFFFL);
        Integer i = group.index.get(key);
        if (i == null) {
            i = group.locations.size();
            group.index.put(key, i);
            group.locations.add(new long[] {offset, to});
        }
        LdcInsnNode placeholder = new LdcInsnNode(i);
        group.pushes.add(placeholder);
        group.pushed.add(i);
        return placeholder;
    }

    /**
     * Allocates this method's slots and replaces every placeholder with a push of its slot.
     *
     * @param allocator the class's slot allocator
     * @param instructions the method's instructions
     */
    void patch(SlotAllocator allocator, InsnList instructions) {
        for (int e = 0; e < groups.length; e++) {
            Group group = groups[e];
            if (group == null) {
                continue;
            }
            int n = group.locations.size();
            int[] offsets = new int[n];
            int[] tos = new int[n];
            for (int i = 0; i < n; i++) {
                offsets[i] = (int) group.locations.get(i)[0];
                tos[i] = (int) group.locations.get(i)[1];
            }
            int base = allocator.allocate(unitIndex, Event.ofOrdinal(e), offsets, tos);
            for (int i = 0; i < group.pushes.size(); i++) {
                instructions.set(group.pushes.get(i), ProbeInsns.push(base + group.pushed.get(i)));
            }
        }
    }
}
