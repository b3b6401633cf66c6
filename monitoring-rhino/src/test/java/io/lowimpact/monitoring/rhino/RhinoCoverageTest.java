package io.lowimpact.monitoring.rhino;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mozilla.javascript.Script;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Line coverage of a 230-line script ({@code orders.js}) with DISABLE after the first hit, beside a METHOD_START
 * counter: the lines marked {@code // missed} in the script are exactly the missed ones; the counter sees every
 * call in every run, undisturbed by the coverage tool's DISABLE and per-tool restart (S29, S35).
 */
class RhinoCoverageTest {

    private static final String SCRIPT = Js.resource("orders.js");
    private static final String RESULT = String.join("\n",
            "normal normal failed empty",
            "10.299999999999999",
            "55",
            "313728",
            "apple: 7; fig: 4; pear: 2 (low); plum: 3",
            "attempt by Alice; short pear; attempt by Bob; failed: unknown item kiwi; attempt by Carol;"
                    + " attempt by Carol",
            "lucky 2 after 2");
    /** Calls of one run of the script, by function. */
    private static final Map<String, Integer> CALLS = new TreeMap<>(Map.ofEntries(
            Map.entry("<anonymous>", 19), Map.entry("<script>", 1), Map.entry("addItem", 4), Map.entry("average", 1),
            Map.entry("checksum", 1), Map.entry("classify", 4), Map.entry("discountFor", 3), Map.entry("fib", 177),
            Map.entry("findItem", 6), Map.entry("invoice", 3), Map.entry("main", 1), Map.entry("makeCounter", 2),
            Map.entry("placeOrder", 4), Map.entry("restock", 1), Map.entry("retry", 1), Map.entry("safePlace", 4),
            Map.entry("stockReport", 1)));
    private static int sequence;

    private String source;
    private LineCoverage coverage;
    private Tool counter;
    private final Map<String, Integer> starts = new TreeMap<>();

    @BeforeEach
    void setUp() {
        EventLog.freeAllTools();
        source = "orders" + (++sequence) + ".js";
        coverage = new LineCoverage();
        counter = Monitoring.useToolId(Monitoring.PROFILER_ID, "start counter");
        counter.registerCallback(Event.METHOD_START, (code, offset) -> {
            if (source.equals(code.className())) {
                starts.merge(code.methodName(), 1, Integer::sum);
            }
            return Action.CONTINUE;
        });
        counter.setEvents(EventSet.of(Event.METHOD_START));
    }

    @AfterEach
    void tearDown() {
        coverage.close();
        counter.close(); // does nothing if the test closed it
    }

    /** The lines the script marks {@code // missed}. */
    private static SortedSet<Integer> markedMissed() {
        SortedSet<Integer> lines = new TreeSet<>();
        String[] text = SCRIPT.split("\n", -1);
        for (int i = 0; i < text.length; i++) {
            if (text[i].contains("// missed")) {
                lines.add(i + 1);
            }
        }
        return lines;
    }

    @Test
    void coverageReportsTheMarkedLinesAsMissedAndEveryOtherLineAsCovered() {
        assertEquals(RESULT, Js.run(SCRIPT, source));
        SortedSet<Integer> expectedCovered = LineCoverage.executable(source);
        expectedCovered.removeAll(markedMissed());
        assertEquals(List.of(18, 19, 20, 21, 27, 43, 49, 83, 84, 85, 87, 88, 141, 142, 160, 161, 166, 167, 168, 169,
                171, 183), List.copyOf(markedMissed()));
        assertEquals(markedMissed(), coverage.missed(source));
        assertEquals(expectedCovered, coverage.covered(source));
        assertEquals(128, coverage.locations(),
                "123 lines; 5 of them hold code of two units (a closure written on its caller's line)");
        assertEquals(coverage.locations(), coverage.deliveries(), "each location delivered once, then disabled");
    }

    @Test
    void theCounterIsNotDisturbedByTheCoverageToolsDisableAndRestart() {
        Script script = Js.compile(SCRIPT, source);
        assertEquals(RESULT, Js.exec(script));
        assertEquals(CALLS, starts);
        Map<String, Integer> perRun = new TreeMap<>(starts);
        int lines = coverage.deliveries();

        starts.clear();
        Js.exec(script);
        assertEquals(perRun, starts, "every call counted again while coverage's lines are disabled");
        assertEquals(lines, coverage.deliveries(), "no line delivered twice before a restart");

        starts.clear();
        coverage.reset();
        Js.exec(script);
        assertEquals(perRun, starts, "and again after coverage restarted its own lines");
        assertEquals(lines, coverage.deliveries(), "after the restart, every line once again");
    }

    /** With coverage alone, a unit whose lines are all disabled runs without hooks; a restart brings its lines back. */
    @Test
    void aRestartBringsBackLinesOfUnitsThatRanWithoutHooks() {
        counter.close();
        Script script = Js.compile(SCRIPT, source);
        assertEquals(RESULT, Js.exec(script));
        int lines = coverage.deliveries();

        assertEquals(RESULT, Js.exec(script));
        assertEquals(lines, coverage.deliveries(), "every line disabled: nothing delivered");

        coverage.reset();
        assertEquals(RESULT, Js.exec(script));
        assertEquals(lines, coverage.deliveries(), "after the restart, every line once again");
        assertEquals(markedMissed(), coverage.missed(source));
    }
}
