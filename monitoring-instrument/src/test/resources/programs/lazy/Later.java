/**
 * A class whose units are made (CodeUnit.of) while no tool needs probes in it, so that the JVM keeps no class file of
 * it and rebuilds one when CALL is set: its methods may then come in another order than in the original.
 */
public class Later {
    public static int call(String s) {
        return length(s) + abs(-2);
    }

    static int length(String s) {
        return s.length();
    }

    static int abs(int x) {
        return Math.abs(x);
    }
}
