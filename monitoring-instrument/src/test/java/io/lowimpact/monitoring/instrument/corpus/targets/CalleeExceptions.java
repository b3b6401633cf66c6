package io.lowimpact.monitoring.instrument.corpus.targets;

/** Exceptions coming from callees, instrumented or not. Line numbers matter: the tests name them. */
public final class CalleeExceptions {

    private CalleeExceptions() {
    }

    static int fail(int x) {
        throw new IllegalStateException("fail " + x);
    }

    static int middle(int x) {
        return fail(x) + 1;
    }

    public static int catchFromCallee(int x) {
        try {
            return middle(x);
        } catch (IllegalStateException e) {
            return -1;
        }
    }

    public static int fromJdk(String s) {
        return Integer.parseInt(s);
    }
}
