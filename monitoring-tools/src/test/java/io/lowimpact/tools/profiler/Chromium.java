package io.lowimpact.tools.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium for the flame graph's tests: Debian's {@code chromium} on the {@code PATH} (or the file named
 * by {@code -Dlowimpact.chromium}), started with a fresh profile and nothing that reaches the network. A missing
 * Chromium fails the test, saying how to install it.
 */
final class Chromium {

    private static final long TIMEOUT_SECONDS = 300;

    private Chromium() {
    }

    /** @return Chromium's executable; fails the test if there is none */
    static String executable() {
        String given = System.getProperty("lowimpact.chromium");
        if (given != null && !given.isBlank()) {
            return given;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        return fail("the flame graph test needs headless Chromium, which is not installed:"
                + " apt-get update && apt-get install -y chromium (or -Dlowimpact.chromium=/path/to/chromium)");
    }

    /** @return the DOM after the page's scripts ran ({@code --dump-dom}) */
    static String dumpDom(Path page, String fragment, Path work) throws IOException, InterruptedException {
        return run(work, List.of("--dump-dom", url(page, fragment)));
    }

    /** Saves a screenshot of the page as a PNG. */
    static void screenshot(Path page, Path png, Path work) throws IOException, InterruptedException {
        run(work, List.of("--window-size=1200,300", "--screenshot=" + png, url(page, "")));
        assertEquals(true, Files.size(png) > 0, "no screenshot written to " + png);
    }

    private static String url(Path page, String fragment) {
        return page.toUri() + (fragment.isEmpty() ? "" : "#" + fragment);
    }

    private static String run(Path work, List<String> args) throws IOException, InterruptedException {
        Path profileDir = Files.createTempDirectory(work, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(executable(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + profileDir));
        command.addAll(args);
        Path out = work.resolve("chromium-out-" + System.nanoTime() + ".txt");
        Path err = work.resolve("chromium-err-" + System.nanoTime() + ".txt");
        Process p = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + command);
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), () -> "chromium failed: " + command + "\n" + readQuietly(err));
        return stdout;
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
