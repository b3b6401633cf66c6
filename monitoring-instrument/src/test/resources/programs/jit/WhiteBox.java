package sun.hotspot;

import java.lang.reflect.Executable;

/**
 * The few HotSpot WhiteBox methods that the JIT check needs ({@code -XX:+UnlockDiagnosticVMOptions
 * -XX:+WhiteBoxAPI}, this class on {@code -Xbootclasspath/a}). HotSpot binds its natives when the class
 * initialises (and warns about the natives of the JDK's test library that this stub does not declare).
 */
public final class WhiteBox {

    private static final WhiteBox INSTANCE = new WhiteBox();

    private static native void registerNatives();

    static {
        registerNatives();
    }

    private WhiteBox() {
    }

    public static WhiteBox get() {
        return INSTANCE;
    }

    private native boolean enqueueMethodForCompilation0(Executable method, int compLevel, int entryBci);

    private native boolean isMethodCompilable0(Executable method, int compLevel, boolean isOsr);

    /** Compiles a method at a tier (1: C1, 4: C2); blocks with -XX:-BackgroundCompilation. */
    public boolean compile(Executable method, int compLevel) {
        return enqueueMethodForCompilation0(method, compLevel, -1);
    }

    /** @return false once a compilation at that tier bailed out for good */
    public boolean isCompilable(Executable method, int compLevel) {
        return isMethodCompilable0(method, compLevel, false);
    }
}
