/** A second watched class, which local events of Target's units must leave alone. */
public class Other {
    public static int work(int n) {
        return n + 1;
    }
}
