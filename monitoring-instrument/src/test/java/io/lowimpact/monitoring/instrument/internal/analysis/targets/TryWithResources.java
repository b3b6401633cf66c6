package io.lowimpact.monitoring.instrument.internal.analysis.targets;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

/** Try-with-resources: javac's close-and-rethrow handlers. Tests assert the reraise flags: keep the layout. */
public final class TryWithResources {

    private TryWithResources() {
    }

    public static int firstChar(String text) throws IOException {
        try (Reader reader = new StringReader(text)) {
            return reader.read();
        }
    }

    public static int twoResources(String a, String b) throws IOException {
        try (Reader first = new StringReader(a); Reader second = new StringReader(b)) {
            return first.read() + second.read();
        }
    }

    public static int withCatch(String text) {
        try (Reader reader = new StringReader(text)) {
            return reader.read();
        } catch (IOException e) {
            return -1;
        }
    }
}
