package io.lowimpact.tools.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.tools.profiler.targets.CallTree;
import io.lowimpact.tools.profiler.targets.External;
import io.lowimpact.tools.profiler.targets.Loop;
import io.lowimpact.tools.profiler.targets.Recursion;
import io.lowimpact.tools.profiler.targets.StaticInit;
import io.lowimpact.tools.profiler.targets.Unwind;
import io.lowimpact.tools.profiler.targets.VirtualCalls;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Known programs under the profiler, with the test clock: every count and time is exact. */
class ProfilerTest {

    private Profiler profiler;

    @BeforeEach
    void start() {
        TestClock.now = 0;
        profiler = Profiler.builder().clock(TestClock::read).start();
    }

    @AfterEach
    void stop() {
        profiler.stop();
    }

    private Profile profileOf(Class<?> target, String method) {
        Class<?> c = Targets.load(target);
        Targets.run(c, method);
        profiler.stop();
        return profiler.snapshot();
    }

    private static String m(Class<?> target, String method, String descriptor) {
        return Targets.frame(target, method) + descriptor;
    }

    private static String stats(MethodStats s) {
        return s.label() + " count=" + s.count() + " incl=" + s.inclusiveNanos() + " self=" + s.selfNanos();
    }

    private static List<String> sortedStats(Profile p) {
        return p.methods().stream().map(ProfilerTest::stats).sorted().collect(Collectors.toList());
    }

    @Test
    void callTreeCountsAndTimesPerMethod() {
        Profile p = profileOf(CallTree.class, "main");
        assertEquals(List.of(
                m(CallTree.class, "a", "()V") + " count=2 incl=26 self=20",
                m(CallTree.class, "b", "()V") + " count=1 incl=26 self=20",
                m(CallTree.class, "c", "()V") + " count=4 incl=12 self=12",
                m(CallTree.class, "main", "()V") + " count=1 incl=53 self=1"), sortedStats(p));
    }

    @Test
    void callTreeSelfTimesAddUpToInclusive() {
        Profile p = profileOf(CallTree.class, "main");
        long self = p.methods().stream().mapToLong(MethodStats::selfNanos).sum();
        assertEquals(53, self);
        assertEquals(53, p.method(m(CallTree.class, "main", "()V")).inclusiveNanos());
        assertEquals(53, p.thread("main").totalNanos());
    }

    @Test
    void fixedCallSitesStopSendingCallOnceTheirCalleeIsKnown() {
        Profile p = profileOf(Loop.class, "main");
        String loop = Targets.frame(Loop.class, "");
        assertEquals(List.of(
                "io.lowimpact.tools.profiler.TestClock.external(J)V (external) count=5",
                loop + "<init>()V count=5", loop + "main()V count=1", loop + "step()V count=5",
                "java.lang.Object.<init>()V (external) count=5"),
                p.methods().stream().map(s -> s.label() + " count=" + s.count()).sorted()
                        .collect(Collectors.toList()));
        assertEquals(List.of(loop + "<init>()V -> java.lang.Object.<init>()V (external) count=5",
                loop + "main()V -> io.lowimpact.tools.profiler.TestClock.external(J)V (external) count=5",
                loop + "main()V -> " + loop + "<init>()V count=5", loop + "main()V -> " + loop + "step()V count=5"),
                p.edges().stream().map(e -> e.caller() + " -> " + e.callee() + " count=" + e.count()).sorted()
                        .collect(Collectors.toList()));
        // main's start and return; step and <init>: start and return 5 times each, CALL at the first call (named by
        // the start that follows) and the second (which answers DISABLE), none after; the static JDK call and
        // <init>'s super() into Object: CALL and EXTERNAL_RETURN 5 times each.
        assertEquals(2 + 2 * (10 + 2) + 2 * 5 + 2 * 5, p.events());
    }

    @Test
    void virtualCallSitesStopSendingCallOnceTrusted() {
        Profile p = profileOf(VirtualCalls.class, "interfaceCalls");
        String v = Targets.frame(VirtualCalls.class, "");
        String square = VirtualCalls.class.getName() + "$Square.";
        assertEquals(List.of(square + "<init>()V count=1", square + "area()I count=100 incl=100 self=100",
                v + "interfaceCalls()V count=1", "java.lang.Object.<init>()V (external) count=1"),
                p.methods().stream().map(s -> s.label() + " count=" + s.count()
                        + (s.label().endsWith("area()I") ? " incl=" + s.inclusiveNanos() + " self=" + s.selfNanos()
                        : "")).sorted().collect(Collectors.toList()));
        assertEquals(List.of(square + "<init>()V -> java.lang.Object.<init>()V (external) count=1",
                v + "interfaceCalls()V -> " + square + "<init>()V count=1",
                v + "interfaceCalls()V -> " + square + "area()I count=100"),
                p.edges().stream().map(e -> e.caller() + " -> " + e.callee() + " count=" + e.count()).sorted()
                        .collect(Collectors.toList()));
        // interfaceCalls' start and return; new Square(): CALL, start, super()'s CALL and EXTERNAL_RETURN, return;
        // area: start and return 100 times, CALL at the first 64 calls (each named by the start that follows) and
        // the 65th (which answers DISABLE, ending the site's CALL and EXTERNAL_RETURN), none after.
        assertEquals(2 + 5 + 2 * 100 + 65, p.events());
    }

    @Test
    void aVirtualCallSiteThatReachedExternalCodeKeepsItsCall() {
        Profile p = profileOf(VirtualCalls.class, "mixedReceivers");
        String v = Targets.frame(VirtualCalls.class, "");
        String named = VirtualCalls.class.getName() + "$Named.";
        assertEquals(List.of(named + "<init>()V -> java.lang.Object.<init>()V (external) count=1",
                v + "mixedReceivers()V -> " + named + "<init>()V count=1",
                v + "mixedReceivers()V -> " + named + "toString()Ljava/lang/String; count=99",
                v + "mixedReceivers()V -> java.lang.Object.toString()Ljava/lang/String; (external) count=1"),
                p.edges().stream().map(e -> e.caller() + " -> " + e.callee() + " count=" + e.count()).sorted()
                        .collect(Collectors.toList()));
        // mixedReceivers' start and return; new Named() as above; the first toString: CALL and EXTERNAL_RETURN;
        // the 99 others: CALL, start and return each, as the site once reached the JDK.
        assertEquals(2 + 5 + 2 + 3 * 99, p.events());
    }

    @Test
    void callPathsPastTheLimitAreCountedAndTheirTimeGoesToTheirCaller() {
        profiler.stop();
        Profiler limited = Profiler.builder().clock(TestClock::read).maxCallPaths(3).start();
        try {
            Targets.run(Targets.load(CallTree.class), "main");
        } finally {
            limited.stop();
        }
        Profile p = limited.snapshot();
        // main, main;a and main;a;c are kept; main;b and main;b;c are not: b's call and c's two calls under it
        assertEquals(List.of(
                m(CallTree.class, "a", "()V") + " count=2 incl=26 self=20",
                m(CallTree.class, "c", "()V") + " count=2 incl=6 self=6",
                m(CallTree.class, "main", "()V") + " count=1 incl=53 self=27"), sortedStats(p));
        assertEquals(3, p.untrackedCalls());
        assertEquals(53, p.totalNanos());
        assertTrue(p.table(5).contains("call paths past the profiler's limit (maxCallPaths): 3 calls not in the"
                + " figures below"), p.table(5));
        assertEquals(0, profiler.snapshot().untrackedCalls(), "a profiler with the default limit kept every path");
    }

    @Test
    void maxCallPathsMustBePositive() {
        assertEquals("the call path limit must be at least 1: 0", assertThrows(IllegalArgumentException.class,
                () -> Profiler.builder().maxCallPaths(0)).getMessage());
    }

    @Test
    void advancingClockKeepsCountsExactAndTimesConsistent() {
        profiler.stop();
        Profiler ticking = Profiler.builder().clockPeriod(Duration.ofNanos(50_000)).start();
        try {
            Targets.run(Targets.load(CallTree.class), "main");
        } finally {
            ticking.stop();
        }
        Profile p = ticking.snapshot();
        assertEquals(List.of(m(CallTree.class, "a", "()V") + " count=2", m(CallTree.class, "b", "()V") + " count=1",
                m(CallTree.class, "c", "()V") + " count=4", m(CallTree.class, "main", "()V") + " count=1"),
                p.methods().stream().map(s -> s.label() + " count=" + s.count()).sorted()
                        .collect(Collectors.toList()));
        long self = p.methods().stream().mapToLong(MethodStats::selfNanos).sum();
        assertEquals(p.method(m(CallTree.class, "main", "()V")).inclusiveNanos(), self);
        assertEquals(self, p.thread("main").totalNanos());
    }

    @Test
    void clockPeriodMustNotBeNegative() {
        assertEquals("the clock period must not be negative: PT-0.001S", assertThrows(IllegalArgumentException.class,
                () -> Profiler.builder().clockPeriod(Duration.ofMillis(-1))).getMessage());
    }

    @Test
    void callTreeEdges() {
        Profile p = profileOf(CallTree.class, "main");
        List<String> edges = p.edges().stream()
                .map(e -> e.caller() + " -> " + e.callee() + " count=" + e.count() + " time=" + e.nanos())
                .sorted().collect(Collectors.toList());
        String main = m(CallTree.class, "main", "()V");
        String a = m(CallTree.class, "a", "()V");
        String b = m(CallTree.class, "b", "()V");
        String c = m(CallTree.class, "c", "()V");
        assertEquals(List.of(
                a + " -> " + c + " count=2 time=6",
                b + " -> " + c + " count=2 time=6",
                main + " -> " + a + " count=2 time=26",
                main + " -> " + b + " count=1 time=26"), edges);
    }

    @Test
    void callTreeCollapsedStacksInNanosOfSelfTime() {
        Profile p = profileOf(CallTree.class, "main");
        String main = "[main];" + Targets.frame(CallTree.class, "main");
        assertEquals(main + " 1\n"
                + main + ";" + Targets.frame(CallTree.class, "a") + " 20\n"
                + main + ";" + Targets.frame(CallTree.class, "a") + ";" + Targets.frame(CallTree.class, "c") + " 6\n"
                + main + ";" + Targets.frame(CallTree.class, "b") + " 20\n"
                + main + ";" + Targets.frame(CallTree.class, "b") + ";" + Targets.frame(CallTree.class, "c") + " 6\n",
                p.collapsed());
    }

    @Test
    void callTreeTopTables() {
        Profile p = profileOf(CallTree.class, "main");
        String t = p.table(2);
        String tree = CallTree.class.getName();
        assertEquals(true, t.startsWith("Lowimpact profile: 1 thread(s), 0.000 ms recorded\nprofiler cost: 23 events,"), t);
        assertEquals("\nTop 2 by self time\n"
                + "     self ms      incl ms        count  method\n"
                + "       0.000        0.000            2  " + tree + ".a()V\n"
                + "       0.000        0.000            1  " + tree + ".b()V\n"
                + "\nTop 2 by inclusive time\n"
                + "     self ms      incl ms        count  method\n"
                + "       0.000        0.000            1  " + tree + ".main()V\n"
                + "       0.000        0.000            2  " + tree + ".a()V\n"
                + "\nTop 2 by count\n"
                + "     self ms      incl ms        count  method\n"
                + "       0.000        0.000            4  " + tree + ".c()V\n"
                + "       0.000        0.000            2  " + tree + ".a()V\n"
                + "\nTop 2 calls by time (caller -> callee)\n"
                + "          ms        count  caller -> callee\n"
                + "       0.000            2  " + tree + ".main()V -> " + tree + ".a()V\n"
                + "       0.000            1  " + tree + ".main()V -> " + tree + ".b()V\n"
                + "\nthread [main] (id " + p.thread("main").id() + "): 0.000 ms recorded, 23 events\n"
                + "\nTop 2 by self time on [main]\n"
                + "     self ms      incl ms        count  method\n"
                + "       0.000        0.000            2  " + tree + ".a()V\n"
                + "       0.000        0.000            1  " + tree + ".b()V\n",
                t.substring(t.indexOf("\nTop 2 by self time\n")));
    }

    @Test
    void callTreeThinPathsFoldIntoTheirCallers() {
        Profile p = profileOf(CallTree.class, "main");
        String main = "[main];" + Targets.frame(CallTree.class, "main");
        // 20 % of 53 is 10.6: c's paths (6 each) fold into a and b, whose lines then hold 26.
        assertEquals(main + " 1\n"
                + main + ";" + Targets.frame(CallTree.class, "a") + " 26\n"
                + main + ";" + Targets.frame(CallTree.class, "b") + " 26\n", p.collapsed(0.2));
        assertEquals(53, p.totalNanos());
    }

    @Test
    void staticInitialiserIsTheCallersCalleeAndTheCallWaits() {
        Profile p = profileOf(StaticInit.class, "main");
        String lazy = StaticInit.class.getName() + "$Lazy";
        assertEquals(List.of(
                lazy + ".<clinit>()V count=1 incl=6 self=4",
                lazy + ".compute()J count=1 incl=2 self=2",
                lazy + ".value()J count=2 incl=2 self=2",
                m(StaticInit.class, "main", "()J") + " count=1 incl=8 self=0"), sortedStats(p));
        String main = "[main];" + Targets.frame(StaticInit.class, "main");
        assertEquals(main + ";" + lazy + ".<clinit> 4\n"
                + main + ";" + lazy + ".<clinit>;" + lazy + ".compute 2\n"
                + main + ";" + lazy + ".value 2\n", p.collapsed());
    }

    @Test
    void unwindClosesThreeFramesAndTheCatchingOneGoesOn() {
        Profile p = profileOf(Unwind.class, "top");
        assertEquals(List.of(
                m(Unwind.class, "f1", "()V") + " count=1 incl=7 self=1",
                m(Unwind.class, "f2", "()V") + " count=1 incl=6 self=2",
                m(Unwind.class, "f3", "()V") + " count=1 incl=4 self=4",
                m(Unwind.class, "top", "()V") + " count=1 incl=14 self=7",
                "java.lang.IllegalStateException.<init>(Ljava/lang/String;)V (external) count=1 incl=0 self=0"),
                sortedStats(p));
    }

    @Test
    void recursionCountedOnceInInclusiveTime() {
        Profile p = profileOf(Recursion.class, "main");
        assertEquals(List.of(
                m(Recursion.class, "fact", "(J)J") + " count=5 incl=5 self=5",
                m(Recursion.class, "main", "()Ljava/lang/Object;") + " count=1 incl=5 self=0",
                "java.lang.Long.valueOf(J)Ljava/lang/Long; (external) count=1 incl=0 self=0"),
                sortedStats(p));
        EdgeStats self = p.edges().stream().filter(e -> e.caller().equals(e.callee())).findFirst().orElseThrow();
        assertEquals(4, self.count());
        assertEquals(4, self.nanos()); // fact(4) and everything under it, once
    }

    @Test
    void externalCallsIntoTheJdkAreCalleesByName() {
        Profile p = profileOf(External.class, "main");
        assertEquals(List.of(
                "io.lowimpact.tools.profiler.TestClock.external(J)V (external) count=1 incl=50 self=50",
                m(External.class, "lambda$main$0", "(Ljava/lang/Integer;)V") + " count=2 incl=10 self=10",
                m(External.class, "main", "()V") + " count=1 incl=61 self=1",
                "java.lang.Integer.valueOf(I)Ljava/lang/Integer; (external) count=2 incl=0 self=0",
                "java.lang.invoke.LambdaMetafactory.accept()Ljava/util/function/Consumer; (external) count=1 incl=0 self=0",
                "java.util.List.forEach(Ljava/util/function/Consumer;)V (external) count=1 incl=10 self=0",
                "java.util.List.of(Ljava/lang/Object;Ljava/lang/Object;)Ljava/util/List; (external) count=1 incl=0 self=0"),
                sortedStats(p));
        String main = "[main];" + Targets.frame(External.class, "main");
        assertEquals(main + " 1\n"
                + main + ";io.lowimpact.tools.profiler.TestClock.external 50\n"
                + main + ";java.util.List.forEach;" + Targets.frame(External.class, "lambda$main$0") + " 10\n",
                p.collapsed());
    }
}
