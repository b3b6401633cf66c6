package io.lowimpact.monitoring.instrument.internal.analysis;

/**
 * An unconditional jump edge, the location of a JUMP event (spec.md S8): a {@code goto} or {@code goto_w}. Neither
 * {@code jsr} (a subroutine call in old class files) nor a switch whose cases all go to its default is a JUMP; their
 * targets are still jump targets for line points.
 *
 * @param from the jump instruction's offset
 * @param to the target's offset
 */
public record Jump(int from, int to) {
}
