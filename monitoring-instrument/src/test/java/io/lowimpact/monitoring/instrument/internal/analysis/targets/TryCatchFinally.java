package io.lowimpact.monitoring.instrument.internal.analysis.targets;

import java.util.ArrayList;
import java.util.List;

/** Handlers and rethrows. Tests assert which athrow is a reraise: keep the layout. */
public final class TryCatchFinally {

    private static final List<Object> LOG = new ArrayList<>();

    private TryCatchFinally() {
    }

    static void log(Object o) {
        LOG.add(o);
    }

    /** A finally block: its handler catches any exception and rethrows it (RERAISE). */
    public static int withFinally(int x) {
        try {
            x = 100 / x;
        } finally {
            log(x);
        }
        return x;
    }

    /** A catch that handles the exception: no athrow. */
    public static int withCatch(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Catch and finally: one RAISE (the explicit throw) and one RERAISE (the finally's). */
    public static int catchAndFinally(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + s, e);
        } finally {
            log(s);
        }
    }

    /** Catch, log, throw the same exception: an explicit throw statement, so RAISE. */
    public static void catchThenRethrow(String s) {
        try {
            Integer.parseInt(s);
        } catch (RuntimeException e) {
            log(e);
            throw e;
        }
    }

    /** A multi-catch. */
    public static int multiCatch(Object o) {
        try {
            return ((String) o).length();
        } catch (ClassCastException | NullPointerException e) {
            return -1;
        }
    }
}
