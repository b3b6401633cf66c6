/** The watched class. LazyInstrumentationIT asserts its line numbers: keep them where they are. */
public class Target {
    public static int first(int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += i;
        }
        return sum;
    }

    public static int second(int n) {
        return n * 2;
    }
}
