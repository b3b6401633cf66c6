package io.lowimpact.tools.profiler;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * What the profiler recorded on one thread.
 *
 * @param name the thread's name when it first recorded an event
 * @param id the thread's id
 * @param methods the figures per method, in no particular order
 * @param edges the figures per caller and callee, in no particular order
 * @param events the events delivered to the profiler on this thread
 * @param totalNanos the time recorded on this thread: the sum of its outermost frames' inclusive times
 * @param callPaths the distinct call paths (nodes of the thread's calling-context tree)
 */
public record ThreadProfile(String name, long id, List<MethodStats> methods, List<EdgeStats> edges, long events,
        long totalNanos, int callPaths) {

    /**
     * Copies the lists.
     *
     * @param name the name
     * @param id the id
     * @param methods the methods
     * @param edges the edges
     * @param events the events
     * @param totalNanos the total
     * @param callPaths the call paths
     */
    public ThreadProfile {
        methods = List.copyOf(methods);
        edges = List.copyOf(edges);
    }

    /**
     * @param label a {@link MethodStats#label()}
     * @return that method's figures on this thread
     * @throws NoSuchElementException if this thread never entered it
     */
    public MethodStats method(String label) {
        return methods.stream().filter(m -> m.label().equals(label)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no method " + label + " on thread " + name));
    }
}
