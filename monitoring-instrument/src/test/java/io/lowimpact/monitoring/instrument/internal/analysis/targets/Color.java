package io.lowimpact.monitoring.instrument.internal.analysis.targets;

/** An enum with a constructor, fields and a switch over itself. */
public enum Color {
    RED(0xFF0000),
    GREEN(0x00FF00),
    BLUE(0x0000FF);

    private final int rgb;

    Color(int rgb) {
        this.rgb = rgb;
    }

    public int rgb() {
        return rgb;
    }

    public boolean warm() {
        switch (this) {
            case RED:
                return true;
            case GREEN:
            case BLUE:
            default:
                return false;
        }
    }
}
