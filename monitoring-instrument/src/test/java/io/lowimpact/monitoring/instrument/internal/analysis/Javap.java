package io.lowimpact.monitoring.instrument.internal.analysis;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.spi.ToolProvider;

/** Runs the JDK's {@code javap -c -l -p -s} in-process: the ground truth the analysis is compared with. */
final class Javap {

    private static final ToolProvider JAVAP = ToolProvider.findFirst("javap")
            .orElseThrow(() -> new IllegalStateException("javap is not available (run the tests on a JDK)"));

    private Javap() {
    }

    /**
     * @param classFileOrName a class file's path, or a class name that javap finds in the running JDK
     * @return the parsed listing
     */
    static JavapListing listing(String classFileOrName) {
        StringWriter out = new StringWriter();
        int status = JAVAP.run(new PrintWriter(out), new PrintWriter(out), "-c", "-l", "-p", "-s", classFileOrName);
        if (status != 0) {
            throw new IllegalStateException("javap " + classFileOrName + " failed (" + status + "): " + out);
        }
        return JavapListing.parse(out.toString());
    }
}
