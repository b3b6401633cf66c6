package io.lowimpact.monitoring.instrument.internal.analysis;

/**
 * An {@code athrow} instruction: the location of RAISE, or of RERAISE when {@code reraise} holds.
 *
 * @param offset the instruction's offset
 * @param reraise whether it rethrows the exception its own handler caught, as compiled code of
 *     {@code finally}, {@code synchronized} blocks and try-with-resources does; see {@link RethrowDetector}
 *     for the exact rule
 */
public record ThrowSite(int offset, boolean reraise) {
}
