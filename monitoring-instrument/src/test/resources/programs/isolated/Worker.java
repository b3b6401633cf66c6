package iso;

/** Loaded only by class loaders whose parent is the bootstrap loader. IsolatedLoaderIT asserts its line numbers. */
public class Worker {
    public static int triple(int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 3;
        }
        return sum;
    }
}
