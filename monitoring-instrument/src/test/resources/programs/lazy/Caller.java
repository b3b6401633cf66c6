/** A class with calls, first instrumented for LINE alone: its units get their call targets only when CALL is set. */
public class Caller {
    public static int call(String s) {
        return s.length() + Math.abs(-2);
    }
}
