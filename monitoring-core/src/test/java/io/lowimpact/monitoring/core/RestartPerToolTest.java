package io.lowimpact.monitoring.core;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CodeUnitSpec;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;
import io.lowimpact.monitoring.Tool;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-tool restart (S29): two tools DISABLE the same and different locations of one injected unit (METHOD_START,
 * LINE, a BRANCH_LEFT and a BRANCH_RIGHT edge of one branch); {@code tool.restartEvents()} re-enables exactly that
 * tool's locations, {@code Monitoring.restartEvents()} both tools' (S30), staying exact over 10,000 rounds, and
 * restarting does not grow memory (S32). Marks survive unrelated event changes and are dropped when the tool removes
 * the event (S31).
 */
class RestartPerToolTest {

    /** The locations of the unit, in the order {@link #runAll()} fires them. */
    enum Site {
        START("METHOD_START 0"), LINE2("LINE 2"), LEFT("BRANCH_LEFT 4->6"), LINE3("LINE 3"),
        RIGHT("BRANCH_RIGHT 4->10"), LINE4("LINE 4");

        final String label;

        Site(String label) {
            this.label = label;
        }
    }

    private static final int A_ID = 1;
    private static final int B_ID = 3;
    private static final int C_ID = 5;
    private static final Set<Site> ALL = EnumSet.allOf(Site.class);
    /** What tool A disables: two shared with B, two of its own. */
    private static final Set<Site> A_DISABLES = EnumSet.of(Site.START, Site.LINE2, Site.LEFT, Site.LINE4);
    /** What tool B disables: two shared with A, two of its own. */
    private static final Set<Site> B_DISABLES = EnumSet.of(Site.START, Site.LINE2, Site.RIGHT, Site.LINE3);
    private static final EventSet EVENTS = EventSet.of(Event.METHOD_START, Event.LINE, Event.BRANCH_LEFT,
            Event.BRANCH_RIGHT);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final List<String> events = new ArrayList<>();
    private CodeUnit code;
    private Probe[] probes;
    private Tool a;
    private Tool b;

    @BeforeEach
    void setUp() {
        freeAllTools();
        code = CodeUnit.define(CodeUnitSpec.builder("restart.per.tool", "unit" + SEQUENCE.incrementAndGet())
                .length(12).line(0, 2, 1).line(2, 6, 2).line(6, 10, 3).line(10, 12, 4).branch(4, 6, 10).build());
        probes = new Probe[] {
            Monitoring.probe(code, Event.METHOD_START, 0),
            Monitoring.probe(code, Event.LINE, 2),
            Monitoring.probe(code, Event.BRANCH_LEFT, 4, 6),
            Monitoring.probe(code, Event.LINE, 6),
            Monitoring.probe(code, Event.BRANCH_RIGHT, 4, 10),
            Monitoring.probe(code, Event.LINE, 10),
        };
        a = useRecordingTool(A_ID, "A", A_DISABLES);
        b = useRecordingTool(B_ID, "B", B_DISABLES);
        a.setEvents(EVENTS);
        b.setLocalEvents(code, EVENTS); // B by local events: DISABLE and restart work the same (S35)
    }

    @AfterEach
    void freeAllTools() {
        for (int id = Monitoring.MIN_TOOL_ID; id <= Monitoring.MAX_TOOL_ID; id++) {
            Monitoring.freeToolId(id);
        }
    }

    private Tool useRecordingTool(int id, String name, Set<Site> disables) {
        Tool tool = Monitoring.useToolId(id, name);
        tool.registerCallback(Event.METHOD_START, (unit, offset) -> record(name, disables, "METHOD_START " + offset));
        tool.registerCallback(Event.LINE, (unit, line) -> record(name, disables, "LINE " + line));
        tool.registerCallback(Event.BRANCH_LEFT, (unit, from, to) -> record(name, disables,
                "BRANCH_LEFT " + from + "->" + to));
        tool.registerCallback(Event.BRANCH_RIGHT, (unit, from, to) -> record(name, disables,
                "BRANCH_RIGHT " + from + "->" + to));
        tool.onError((event, unit, error) -> events.add(name + " ERROR " + event + " " + error));
        return tool;
    }

    private Action record(String tool, Set<Site> disables, String label) {
        events.add(tool + " " + label);
        for (Site site : disables) {
            if (site.label.equals(label)) {
                return Action.DISABLE;
            }
        }
        return Action.CONTINUE;
    }

    private void runAll() {
        probes[0].fire();
        probes[1].fire();
        probes[2].fire();
        probes[3].fire();
        probes[4].fire();
        probes[5].fire();
    }

    /** Runs the unit once and returns what the tools received, clearing the record. */
    private List<String> run() {
        events.clear();
        runAll();
        List<String> received = List.copyOf(events);
        events.clear();
        return received;
    }

    /** The stream of one run when A receives {@code forA} and B {@code forB}: fire order, then tool id order. */
    private static List<String> expected(Set<Site> forA, Set<Site> forB) {
        List<String> list = new ArrayList<>();
        for (Site site : Site.values()) {
            if (forA.contains(site)) {
                list.add("A " + site.label);
            }
            if (forB.contains(site)) {
                list.add("B " + site.label);
            }
        }
        return list;
    }

    private static Set<Site> without(Set<Site> disabled) {
        Set<Site> set = EnumSet.allOf(Site.class);
        set.removeAll(disabled);
        return set;
    }

    private static final List<String> BOTH_FULL = expected(ALL, ALL);
    private static final List<String> BOTH_DISABLED = expected(without(A_DISABLES), without(B_DISABLES));
    private static final List<String> A_FULL = expected(ALL, without(B_DISABLES));
    private static final List<String> B_FULL = expected(without(A_DISABLES), ALL);

    @Test
    void s18_eachToolDisablesOnlyItsOwnSites() {
        assertEquals(BOTH_FULL, run());
        assertEquals(BOTH_DISABLED, run());
        assertEquals(BOTH_DISABLED, run());
        // a location is active while one tool still receives it (S34)
        assertEquals(List.of(false, false, true, true, true, true), activity());
        assertEquals(EVENTS, a.getEvents());
        assertEquals(EVENTS, b.getLocalEvents(code));
    }

    @Test
    void s29_restartBringsBackOnlyOwnSites() {
        assertEquals(BOTH_FULL, run());
        assertEquals(BOTH_DISABLED, run());
        a.restartEvents();
        assertEquals(A_FULL, run());
        assertEquals(BOTH_DISABLED, run());
        b.restartEvents();
        assertEquals(B_FULL, run());
        assertEquals(BOTH_DISABLED, run());
        a.restartEvents();
        a.restartEvents(); // twice is once
        assertEquals(A_FULL, run());
        assertEquals(BOTH_DISABLED, run());
    }

    @Test
    void s29_restartByIdIsTheSame() {
        run();
        Monitoring.restartEvents(B_ID);
        assertEquals(B_FULL, run());
        Monitoring.restartEvents(A_ID);
        assertEquals(A_FULL, run());
        assertEquals(BOTH_DISABLED, run());
    }

    @Test
    void s29_restartOfAToolThatDisabledNothingChangesNothing() {
        Tool c = Monitoring.useToolId(C_ID, "C");
        run();
        c.restartEvents();
        Monitoring.restartEvents(4); // a free id
        assertEquals(BOTH_DISABLED, run());
        assertEquals(List.of(false, false, true, true, true, true), activity());
    }

    @Test
    void s30_globalRestartBringsBackBoth() {
        run();
        Monitoring.restartEvents();
        assertEquals(List.of(true, true, true, true, true, true), activity());
        assertEquals(BOTH_FULL, run());
        assertEquals(BOTH_DISABLED, run());
        assertEquals(EVENTS, a.getEvents());
        assertEquals(EventSet.NONE, b.getEvents());
        assertEquals(EVENTS, b.getLocalEvents(code));
    }

    @Test
    void s29_s30_restartStaysExactOver10000Rounds() {
        assertEquals(BOTH_FULL, run());
        for (int i = 0; i < 10_000; i++) {
            List<String> afterRestart;
            switch (i % 3) {
                case 0:
                    a.restartEvents();
                    afterRestart = A_FULL;
                    break;
                case 1:
                    b.restartEvents();
                    afterRestart = B_FULL;
                    break;
                default:
                    Monitoring.restartEvents();
                    afterRestart = BOTH_FULL;
                    break;
            }
            assertEquals(afterRestart, run(), "round " + i);
            assertEquals(BOTH_DISABLED, run(), "round " + i);
        }
    }

    @Test
    void s31_marksSurviveUnrelatedSetEventsAndGoWithTheEvent() {
        run();
        Tool c = Monitoring.useToolId(C_ID, "C");
        c.setEvents(EventSet.of(Event.LINE, Event.RAISE));
        c.setLocalEvents(code, EventSet.of(Event.BRANCH_LEFT));
        c.setEvents(EventSet.NONE);
        b.setEvents(EventSet.of(Event.RAISE));
        b.setEvents(EventSet.NONE);
        a.setEvents(EVENTS); // the same set again (S11)
        b.setLocalEvents(code, EVENTS);
        a.setLocalEvents(code, EventSet.of(Event.LINE)); // already in A's global set: its effective set is unchanged
        assertEquals(BOTH_DISABLED, run());
        // A drops LINE: its LINE marks go, the others stay; B's stay
        a.setLocalEvents(code, EventSet.NONE);
        a.setEvents(EVENTS.minus(EventSet.of(Event.LINE)));
        a.setEvents(EVENTS);
        Set<Site> forA = without(A_DISABLES);
        forA.addAll(EnumSet.of(Site.LINE2, Site.LINE3, Site.LINE4));
        assertEquals(expected(forA, without(B_DISABLES)), run());
        assertEquals(BOTH_DISABLED, run());
        // B drops its local set and takes it again: all of B's marks go
        b.setLocalEvents(code, EventSet.NONE);
        b.setLocalEvents(code, EVENTS);
        assertEquals(expected(without(A_DISABLES), ALL), run());
        assertEquals(BOTH_DISABLED, run());
    }

    @Test
    void s32_restartDoesNotGrowMemory() throws InterruptedException {
        freeAllTools();
        int lines = 32;
        int branches = 8;
        CodeUnitSpec.Builder spec = CodeUnitSpec.builder("restart.per.tool", "big" + SEQUENCE.incrementAndGet())
                .length(2 * lines + 3 * branches);
        for (int i = 0; i < lines; i++) {
            spec.line(2 * i, 2 * i + 2, i + 1);
        }
        int base = 2 * lines;
        for (int i = 0; i < branches; i++) {
            spec.branch(base + 3 * i, base + 3 * i + 1, base + 3 * i + 2);
        }
        CodeUnit big = CodeUnit.define(spec.build());
        List<Probe> all = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            all.add(Monitoring.probe(big, Event.LINE, 2 * i));
        }
        for (int i = 0; i < branches; i++) {
            all.add(Monitoring.probe(big, Event.BRANCH_LEFT, base + 3 * i, base + 3 * i + 1));
            all.add(Monitoring.probe(big, Event.BRANCH_RIGHT, base + 3 * i, base + 3 * i + 2));
        }
        Probe[] sites = all.toArray(new Probe[0]);
        long[] delivered = new long[2];
        Tool toolA = disablingTool(A_ID, delivered, 0);
        Tool toolB = disablingTool(B_ID, delivered, 1);

        for (int i = 0; i < 10_000; i++) {
            restartCycle(sites, toolA, toolB);
        }
        long before = usedHeapAfterGc();
        delivered[0] = 0;
        delivered[1] = 0;
        for (int i = 0; i < 10_000; i++) {
            restartCycle(sites, toolA, toolB);
        }
        long after = usedHeapAfterGc();

        // each cycle: both receive every site, then A alone, then B alone
        assertEquals(2L * sites.length * 10_000, delivered[0]);
        assertEquals(2L * sites.length * 10_000, delivered[1]);
        long growth = after - before;
        assertTrue(growth < 2L * 1024 * 1024,
                "retained heap grew by " + growth + " bytes over 10,000 restart cycles of " + sites.length + " sites");
    }

    private static Tool disablingTool(int id, long[] delivered, int slot) {
        Tool tool = Monitoring.useToolId(id, "disabling " + id);
        tool.registerCallback(Event.LINE, (unit, line) -> {
            delivered[slot]++;
            return Action.DISABLE;
        });
        tool.registerCallback(Event.BRANCH_LEFT, (unit, from, to) -> {
            delivered[slot]++;
            return Action.DISABLE;
        });
        tool.registerCallback(Event.BRANCH_RIGHT, (unit, from, to) -> {
            delivered[slot]++;
            return Action.DISABLE;
        });
        tool.setEvents(EventSet.of(Event.LINE, Event.BRANCH_LEFT, Event.BRANCH_RIGHT));
        return tool;
    }

    private static void restartCycle(Probe[] sites, Tool toolA, Tool toolB) {
        fireAll(sites);
        toolA.restartEvents();
        fireAll(sites);
        toolB.restartEvents();
        fireAll(sites);
        Monitoring.restartEvents();
    }

    private static void fireAll(Probe[] sites) {
        for (Probe p : sites) {
            p.fire();
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        // Runtime rather than MemoryMXBean: tests run patched into module io.lowimpact.monitoring.core,
        // which does not read java.management
        Runtime runtime = Runtime.getRuntime();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            least = Math.min(least, runtime.totalMemory() - runtime.freeMemory());
        }
        return least;
    }

    private List<Boolean> activity() {
        List<Boolean> list = new ArrayList<>();
        for (Probe p : probes) {
            list.add(p.isActive());
        }
        return list;
    }
}
