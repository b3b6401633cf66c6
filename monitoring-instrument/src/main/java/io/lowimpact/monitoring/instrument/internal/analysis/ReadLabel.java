package io.lowimpact.monitoring.instrument.internal.analysis;

import org.objectweb.asm.Label;

/**
 * A label as {@link OffsetClassReader} makes it, holding the offset at which {@link MethodScanner} saw it (the code
 * length for a label at the end of the code), so that the scanner needs no map from labels to offsets. A reader makes
 * fresh labels for each method it reads.
 */
final class ReadLabel extends Label {

    /** The offset of a label the scanner has not seen (no visitLabel for it: not at an instruction). */
    static final int UNSEEN = Integer.MIN_VALUE;

    int offset = UNSEEN;
}
