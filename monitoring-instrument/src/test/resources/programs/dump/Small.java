/** The class DumpIT expects in the dump directory. DumpIT asserts its line numbers. */
public class Small {
    public static int twice(int n) {
        int twice = n * 2;
        return twice;
    }
}
