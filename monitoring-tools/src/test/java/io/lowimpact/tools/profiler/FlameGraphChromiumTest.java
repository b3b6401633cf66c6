package io.lowimpact.tools.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.tools.profiler.targets.CallTree;
import io.lowimpact.tools.profiler.targets.Unwind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML flame graph of a known program, rendered by real headless Chromium: its frames, its total (equal to the
 * collapsed-stack file's), search and zoom. The page and a screenshot stay in {@code target/flamegraph-test/}.
 */
class FlameGraphChromiumTest {

    private static final Pattern FRAME = Pattern.compile(
            "<div class=\"(frame[^\"]*)\" data-name=\"([^\"]*)\" data-value=\"(\\d+)\" data-depth=\"(\\d+)\"");

    private static final String T = "io.lowimpact.tools.profiler.targets.";

    private static Path work;
    private static Path page;
    private static Path collapsed;

    @BeforeAll
    static void profileKnownProgram() throws Exception {
        Chromium.executable(); // fails at once, with how to install it, if missing
        work = Files.createDirectories(Path.of("target", "flamegraph-test").toAbsolutePath());
        TestClock.now = 0;
        Profiler profiler = Profiler.builder().clock(TestClock::read).start();
        try {
            Targets.run(Targets.load(CallTree.class), "main");
            Targets.run(Targets.load(Unwind.class), "top");
        } finally {
            profiler.stop();
        }
        List<Path> files = profiler.snapshot().write(work, "known");
        collapsed = files.get(1);
        page = files.get(2);
    }

    @Test
    void rendersEveryFrameWithTheCollapsedFilesTotal() throws Exception {
        String dom = Chromium.dumpDom(page, "", work);
        long fileTotal = 0;
        for (String line : Files.readAllLines(collapsed, StandardCharsets.UTF_8)) {
            fileTotal += Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
        }
        assertEquals(53 + 14, fileTotal);
        assertEquals(String.valueOf(fileTotal), text(dom, "total"));
        assertEquals(List.of(
                "frame all 67 0",
                "frame [main] 67 1",
                "frame " + T + "CallTree.main 53 2",
                "frame " + T + "CallTree.a 26 3",
                "frame " + T + "CallTree.c 6 4",
                "frame " + T + "CallTree.b 26 3",
                "frame " + T + "CallTree.c 6 4",
                "frame " + T + "Unwind.top 14 2",
                "frame " + T + "Unwind.f1 7 3",
                "frame " + T + "Unwind.f2 6 4",
                "frame " + T + "Unwind.f3 4 5"), frames(dom));
        assertEquals("11", text(dom, "shown"));
        assertEquals("0", text(dom, "hidden"));
        Chromium.screenshot(page, work.resolve("known.png"), work);
    }

    @Test
    void searchMarksMatchesAndTotalsThem() throws Exception {
        String dom = Chromium.dumpDom(page, "search=%5C.(c%7Cf2)%24", work); // \.(c|f2)$
        assertEquals("18", text(dom, "matched"));         // c 6 + 6, f2 6 (f3 inside it not counted again)
        assertEquals("26.87", text(dom, "matchedPercent"));
        List<String> matches = new ArrayList<>();
        for (String f : frames(dom)) {
            if (f.startsWith("frame match ")) {
                matches.add(f);
            }
        }
        assertEquals(List.of("frame match " + T + "CallTree.c 6 4", "frame match " + T + "CallTree.c 6 4",
                "frame match " + T + "Unwind.f2 6 4"), matches);
    }

    @Test
    void zoomShowsOneFrameFullWidthAndItsCallees() throws Exception {
        String zoom = "[main];" + T + "CallTree.main;" + T + "CallTree.b";
        String dom = Chromium.dumpDom(page, "zoom=" + URLEncoder.encode(zoom, StandardCharsets.UTF_8)
                .replace("+", "%20"), work);
        // The zoomed frame first, then its ancestors outwards (drawn full width, faded), then its callees.
        assertEquals(List.of(
                "frame " + T + "CallTree.b 26 3",
                "frame above " + T + "CallTree.main 53 2",
                "frame above [main] 67 1",
                "frame above all 67 0",
                "frame " + T + "CallTree.c 6 4"), frames(dom));
        Matcher b = Pattern.compile("data-name=\"" + Pattern.quote(T + "CallTree.b") + "\"[^>]*style=\"left: 0%; width: 100%;")
                .matcher(dom);
        assertEquals(true, b.find(), "the zoomed frame spans the whole width");
    }

    private static List<String> frames(String dom) {
        List<String> frames = new ArrayList<>();
        Matcher m = FRAME.matcher(dom);
        while (m.find()) {
            frames.add(m.group(1) + " " + m.group(2).replace("&amp;", "&") + " " + m.group(3) + " " + m.group(4));
        }
        return frames;
    }

    private static String text(String dom, String id) {
        Matcher m = Pattern.compile("<span id=\"" + id + "\">([^<]*)</span>").matcher(dom);
        assertEquals(true, m.find(), () -> "no #" + id + " in the page");
        return m.group(1);
    }
}
