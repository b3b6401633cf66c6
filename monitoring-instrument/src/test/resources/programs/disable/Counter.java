package app;

/** The monitored method. BytecodeDisableRestartIT asserts its line numbers: keep them where they are. */
public class Counter {
    public static int count(int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += i;
        }
        return sum;
    }
}
