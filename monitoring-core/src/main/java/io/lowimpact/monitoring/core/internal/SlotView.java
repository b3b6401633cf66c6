package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.CallTarget;

/**
 * What the dispatcher needs of a bytecode slot, decoded once from its descriptor: made when the slot fires while
 * some tool receives it, kept by its class while that lasts and dropped when no tool does (after the last DISABLE),
 * so that a program whose probes were all disabled keeps none. Immutable (the slot's mask stays in its class) but
 * for a call site's cache of its last answer, an immutable object itself, so any thread may make one without a lock,
 * and two equal views of a slot are harmless.
 */
final class SlotView {

    final ProbeClass probeClass;
    final int slot;
    final Unit unit;
    final int eventOrdinal;
    final int shape;
    final int offset;
    /** The line of a LINE, an edge's destination, or -1. */
    final int extra;
    /** The call of a call event, else null. */
    final CallTarget target;
    /**
     * For an EXTERNAL_RETURN or EXTERNAL_RAISE of a virtual call, the last receiver class's answer
     * ({@link Externals#isExternal(Object, SlotView)}); written without a lock, an immutable object.
     */
    Externals.Answer lastAnswer;

    SlotView(ProbeClass probeClass, int slot, long descriptor, int shape) {
        this.probeClass = probeClass;
        this.slot = slot;
        this.unit = probeClass.unitAt(ProbeClass.unitIndex(descriptor));
        this.eventOrdinal = ProbeClass.eventOrdinal(descriptor);
        this.shape = shape;
        this.offset = ProbeClass.offset(descriptor);
        int decoded = ProbeClass.extra(descriptor);
        this.target = shape == Site.SHAPE_CALL ? unit.callTargetOfIndex(decoded) : null;
        this.extra = shape == Site.SHAPE_CALL ? -1 : decoded;
    }
}
