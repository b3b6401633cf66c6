/** A class the agent can instrument, beside the ones it cannot. UninstrumentableIT asserts its line numbers. */
public class Small {
    public static int twice(int n) {
        int twice = n * 2;
        return twice;
    }
}
