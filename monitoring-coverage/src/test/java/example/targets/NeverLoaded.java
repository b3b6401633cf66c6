package example.targets;

/** A target no test loads: reports must still show it, as missed. */
public final class NeverLoaded {

    private final int value;

    public NeverLoaded(int value) {
        this.value = value;
    }

    public int twice() {
        return value > 0 ? value * 2 : 0;
    }
}
