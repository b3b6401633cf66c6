package io.lowimpact.tools.profiler.internal;

import io.lowimpact.monitoring.CodeUnit;

/**
 * What one thread recorded, copied at a snapshot.
 *
 * @param threadName the thread's name when it first recorded
 * @param threadId the thread's id
 * @param tree its call tree, open frames counted up to the snapshot
 * @param units the code units it saw, by id (null where none)
 * @param events the events delivered to it
 * @param untrackedCalls its calls on call paths past the profiler's limit, left out of the tree
 */
public record ThreadData(String threadName, long threadId, TreeData tree, CodeUnit[] units, long events,
        long untrackedCalls) {
}
