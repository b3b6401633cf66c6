package io.lowimpact.monitoring.instrument.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the reliability runs put their figures: {@code NAME.md} in {@code lowimpact.reliability.dir}
 * ({@code target/reliability}), and, when the system property {@code lowimpact.reliability.docs} names
 * docs/reliability.md, between its markers {@code <!-- NAME:begin -->} and {@code <!-- NAME:end -->}.
 */
public final class Reports {

    private Reports() {
    }

    /** The directory of the profile's jars and reports. */
    public static Path dir() {
        return Path.of(System.getProperty("lowimpact.reliability.dir", "target/reliability"));
    }

    /** Writes one report and, if asked, puts it into docs/reliability.md. */
    public static void write(String name, String markdown) throws IOException {
        Files.createDirectories(dir());
        Files.writeString(dir().resolve(name + ".md"), markdown);
        String docs = System.getProperty("lowimpact.reliability.docs", "");
        if (docs.isEmpty()) {
            return;
        }
        Path file = Path.of(docs);
        String text = Files.readString(file);
        String begin = "<!-- " + name + ":begin -->\n";
        String end = "<!-- " + name + ":end -->";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("no markers " + begin.trim() + " ... " + end + " in " + file);
        }
        Files.writeString(file, text.substring(0, from + begin.length()) + markdown + text.substring(to));
    }
}
