package io.lowimpact.monitoring.instrument.internal.analysis;

/**
 * A line point (spec.md S26): an offset where LINE fires when control arrives there.
 *
 * @param offset the instruction's original offset
 * @param line the class file's line at that offset (what stack traces show), &gt;= 1
 */
public record LinePoint(int offset, int line) {
}
