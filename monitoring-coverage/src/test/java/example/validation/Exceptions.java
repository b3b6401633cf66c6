package example.validation;

import java.io.StringReader;

/** try/catch/finally, try-with-resources, and an exception thrown in the middle of a line. */
public final class Exceptions {

    private Exceptions() {
    }

    public static void run() {
        parse("12");                              // covered
        parse("x");                               // covered
        withResource();                           // covered
        try {
            midLine(null);                        // covered
        } catch (NullPointerException expected) { // covered
            noop();                               // covered
        }                                         // missed (the jump over the handler: the try block never ended normally)
    }                                             // covered

    static int parse(String s) {
        try {
            return Integer.parseInt(s);           // covered
        } catch (NumberFormatException e) {       // covered
            return -1;                            // covered
        } finally {
            noop();                               // covered
        }                                         // missed (the rethrow of finally's exceptional copy, never run)
    }

    static int withResource() {
        try (StringReader r = new StringReader("a")) { // covered (a resource made by new needs no null check)
            return r.read();                      // covered
        } catch (java.io.IOException e) {         // covered (javac puts the implicit r.close() on this line)
            return -1;                            // missed
        }
    }

    static int midLine(String s) {
        int n = 1;                                // covered
        n += s.length() + noop();                 // covered (reached; the throw inside is not seen)
        return n;                                 // missed
    }

    static int noop() {
        return 0;                                 // covered
    }
}
