package io.lowimpact.coverage.internal.data;

/**
 * One recording JVM: an id ({@code host/pid}), when it started and when it wrote its data.
 *
 * @param id the JVM's id
 * @param startMillis start time, epoch milliseconds
 * @param dumpMillis time of the dump, epoch milliseconds
 */
public record Session(String id, long startMillis, long dumpMillis) {
}
