package io.lowimpact.monitoring.instrument.internal.probes;

import org.objectweb.asm.tree.LabelNode;

/**
 * A label of a method as read ({@link OffsetMethodNode}), which {@link Offsets} gives its original offset: that of
 * the first instruction after it, or -1 at the end of the code. Labels that probes add are plain {@link LabelNode}s
 * and have none.
 */
final class OffsetLabel extends LabelNode {

    static final int UNKNOWN = Integer.MIN_VALUE;

    int offset = UNKNOWN;
}
