import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * S12: a tool sets LINE while {@link Loop#spin} runs hot in another thread, compiled by C2 (the JVM runs with
 * {@code -Xlog:jit+compilation=debug:file=jit.log}, which this program reads). {@code args[0]} tells how the agent
 * was started: {@code probes} ({@code probes=LINE}, patched-out LINE probes from load time) or {@code lazy} (no
 * option: LINE probes come by retransformation). Prints the lines that each invocation of the loop delivered.
 */
public class Main {

    /** A C2 (tier 4) on-stack-replacement compilation of the loop, as {@code jit+compilation} logs it. */
    private static final Pattern C2_OSR = Pattern.compile(" %.{4} 4 +Loop::spin @ \\d+ ");

    private static final long BOUND_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** LINE events of Loop: {invocation whose thread fired it, invocation in {@link Loop#running} then, line}. */
    private static final List<int[]> events = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        boolean probes = args[0].equals("probes");
        Thread first = start(1);
        System.out.println("invocation 1 compiled by C2 before setEvents: " + compiled());

        Tool tool = Monitoring.useToolId(Monitoring.DEBUGGER_ID, "hot");
        tool.registerCallback(Event.LINE, Main::onLine);
        long before = Loop.counter;
        tool.setEvents(EventSet.of(Event.LINE));
        if (probes) {
            // The running frame reacts: its loop delivers the body's lines while it still runs.
            boolean seen = await(() -> lines(1).containsAll(Set.of(9, 10)));
            Set<Integer> whileRunning = lines(1);
            System.out.println("invocation 1 delivered lines while running: " + seen + " " + whileRunning
                    + ", still running: " + (first.isAlive() && Loop.running == 1
                            && firedWhileRunning(1, Set.of(9, 10))));
        } else {
            // The running frame keeps its old code: nothing from it, though it goes on looping.
            long start = System.nanoTime();
            await(() -> Loop.counter - before > 10_000_000 && System.nanoTime() - start > 500_000_000L);
            System.out.println("invocation 1 delivered lines while running: " + lines(1) + ", still running: "
                    + (first.isAlive() && Loop.running == 1 && Loop.counter - before > 10_000_000));
        }
        stop(first);
        System.out.println("invocation 1 lines in all: " + lines(1));

        Thread second = start(2);
        boolean seen = await(() -> lines(2).contains(10));
        stop(second);
        System.out.println("invocation 2 lines in all: " + seen + " " + lines(2));
        tool.close();
    }

    private static Action onLine(CodeUnit code, int line) {
        String thread = Thread.currentThread().getName();
        if (code.className().equals("Loop") && thread.startsWith("loop-")) {
            synchronized (events) {
                events.add(new int[] {Integer.parseInt(thread.substring(5)), Loop.running, line});
            }
        }
        return Action.CONTINUE;
    }

    /** The lines that the given invocation delivered. */
    private static Set<Integer> lines(int invocation) {
        Set<Integer> lines = new TreeSet<>();
        synchronized (events) {
            for (int[] e : events) {
                if (e[0] == invocation) {
                    lines.add(e[2]);
                }
            }
        }
        return lines;
    }

    /** Whether every event of the given invocation at one of the given lines fired while it was the running one. */
    private static boolean firedWhileRunning(int invocation, Set<Integer> lines) {
        synchronized (events) {
            for (int[] e : events) {
                if (e[0] == invocation && lines.contains(e[2]) && e[1] != invocation) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Thread start(int invocation) throws InterruptedException {
        Loop.stop = false;
        Thread t = new Thread(() -> Loop.spin(invocation), "loop-" + invocation);
        t.setDaemon(true);
        t.start();
        if (!await(() -> Loop.running == invocation)) {
            throw new IllegalStateException("invocation " + invocation + " did not start");
        }
        return t;
    }

    private static void stop(Thread t) throws InterruptedException {
        Loop.stop = true;
        t.join(TimeUnit.NANOSECONDS.toMillis(BOUND_NANOS));
        if (t.isAlive()) {
            throw new IllegalStateException(t.getName() + " did not stop");
        }
    }

    /** Whether the loop has been compiled by C2 (on-stack replacement) and has run compiled for a while. */
    private static boolean compiled() throws InterruptedException {
        boolean osr = await(() -> {
            try {
                return Files.readString(Path.of("jit.log")).lines()
                        .anyMatch(l -> C2_OSR.matcher(l).find());
            } catch (IOException e) {
                return false;
            }
        });
        long start = System.nanoTime();
        long counter = Loop.counter;
        await(() -> System.nanoTime() - start > 500_000_000L);
        return osr && Loop.counter - counter > 1_000_000 && Loop.running == 1;
    }

    /** Waits, within a bound, until the condition holds; returns whether it does. */
    private static boolean await(Condition condition) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.holds()) {
            if (System.nanoTime() - start > BOUND_NANOS) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds();
    }
}
