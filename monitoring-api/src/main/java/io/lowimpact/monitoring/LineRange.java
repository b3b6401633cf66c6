package io.lowimpact.monitoring;

/**
 * A range of offsets {@code [startOffset, endOffset)} that belongs to one source line, like an entry of
 * CPython's {@code co_lines()}.
 *
 * @param startOffset first offset, inclusive
 * @param endOffset end offset, exclusive
 * @param line the line, or -1 where unknown
 */
public record LineRange(int startOffset, int endOffset, int line) {
}
