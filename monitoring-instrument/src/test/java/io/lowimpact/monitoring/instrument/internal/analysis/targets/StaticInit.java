package io.lowimpact.monitoring.instrument.internal.analysis.targets;

/** A static initialiser with a loop. */
public final class StaticInit {

    static final int[] SQUARES = new int[10];
    static final String NAME;

    static {
        for (int i = 0; i < SQUARES.length; i++) {
            SQUARES[i] = i * i;
        }
        NAME = StaticInit.class.getSimpleName();
    }

    private StaticInit() {
    }
}
