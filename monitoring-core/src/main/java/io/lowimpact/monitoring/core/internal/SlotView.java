package io.lowimpact.monitoring.core.internal;

/**
 * What the dispatcher needs of a bytecode slot, decoded once from its descriptor: made when the slot fires while
 * some tool receives it, kept by its class while that lasts and dropped when no tool does (after the last DISABLE),
 * so that a program whose probes were all disabled keeps none. Immutable (the slot's mask stays in its class) but
 * for a call site's cache of its last answer, an immutable object itself, so any thread may make one without a lock,
 * and two equal views of a slot are harmless.
 */
final class SlotView extends Delivery {

    final ProbeClass probeClass;
    final int slot;
    /**
     * For an EXTERNAL_RETURN or EXTERNAL_RAISE of a virtual call, the last receiver class's answer
     * ({@link Externals#isExternal(Object, SlotView)}); written without a lock, an immutable object.
     */
    Externals.Answer lastAnswer;
    /** The answers for other receiver classes, by class hash; made at the first class change. */
    Externals.Answer[] answers;

    SlotView(ProbeClass probeClass, int slot, long descriptor, int shape) {
        this(probeClass, slot, descriptor, shape, probeClass.unitAt(ProbeClass.unitIndex(descriptor)),
                ProbeClass.extra(descriptor));
    }

    /** @param extra the descriptor's extra: a LINE's line, an edge's destination, or a call's index */
    private SlotView(ProbeClass probeClass, int slot, long descriptor, int shape, Unit unit, int extra) {
        super(unit, ProbeClass.eventOrdinal(descriptor), shape, ProbeClass.offset(descriptor),
                shape == Site.SHAPE_CALL ? -1 : extra, shape == Site.SHAPE_CALL ? -1 : extra,
                shape == Site.SHAPE_CALL ? unit.callTargetOfIndex(extra) : null);
        this.probeClass = probeClass;
        this.slot = slot;
    }

    @Override
    int currentMask() {
        return probeClass.maskOf(slot);
    }

    @Override
    void disable(Control control, ToolState tool, Object callback) {
        control.restarts().disable(probeClass, slot, tool, callback);
    }
}
