import app.Work;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * design.md R3: application code (app.Work) under a tool whose callbacks misbehave. Argument: the fault. Prints
 * only what the application computes to stdout, which must be the same with and without the agent; prints what
 * the tool saw to stderr ("events N errors M").
 */
public class Main {

    static final LongAdder EVENTS = new LongAdder();
    static final AtomicReference<Tool> TOOL = new AtomicReference<>();
    static final AtomicBoolean REENTERED = new AtomicBoolean();
    static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);
    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        String fault = args[0];
        Tool tool = Monitoring.useToolId(Monitoring.DEBUGGER_ID, "faults");
        TOOL.set(tool);
        register(tool, fault);
        tool.setEvents(EventSet.ALL);
        switch (fault) {
            case "concurrent" -> concurrent(tool, args[1]);
            case "stackoverflow" -> {
                for (int i = 0; i < 3; i++) {
                    try {
                        System.out.println("deep: " + Work.deep(0));
                    } catch (StackOverflowError e) {
                        System.out.println("deep: " + e.getClass().getName());
                    }
                }
                System.out.println("result: " + Work.compute(100));
            }
            default -> {
                for (int i = 0; i < 5; i++) {
                    System.out.println("result: " + Work.compute(200));
                }
            }
        }
        System.err.println("events " + EVENTS.sum() + " errors " + (fault.equals("free") ? "-" : tool.errorCount())
                + " reentered " + REENTERED.get());
    }

    /** Every event gets the fault's behaviour. */
    static void register(Tool tool, String fault) {
        tool.registerCallback(Event.METHOD_START, (code, offset) -> fault(fault));
        tool.registerCallback(Event.METHOD_RETURN, (code, offset, value) -> fault(fault));
        tool.registerCallback(Event.CALL, (code, offset, target, arg0) -> fault(fault));
        tool.registerCallback(Event.LINE, (code, line) -> fault(fault));
        tool.registerCallback(Event.INSTRUCTION, (code, offset) -> fault(fault));
        tool.registerCallback(Event.JUMP, (code, from, to) -> fault(fault));
        tool.registerCallback(Event.BRANCH_LEFT, (code, from, to) -> fault(fault));
        tool.registerCallback(Event.BRANCH_RIGHT, (code, from, to) -> fault(fault));
        tool.registerCallback(Event.RAISE, (code, offset, e) -> fault(fault));
        tool.registerCallback(Event.EXCEPTION_HANDLED, (code, offset, e) -> fault(fault));
        tool.registerCallback(Event.METHOD_UNWIND, (code, offset, e) -> fault(fault));
        tool.registerCallback(Event.RERAISE, (code, offset, e) -> fault(fault));
        tool.registerCallback(Event.EXTERNAL_RETURN, (code, offset, target, arg0) -> fault(fault));
        tool.registerCallback(Event.EXTERNAL_RAISE, (code, offset, target, arg0) -> fault(fault));
    }

    static Action fault(String fault) {
        EVENTS.increment();
        long n = EVENTS.sum();
        switch (fault) {
            case "throw" -> throw new IllegalStateException("callback fails at event " + n);
            case "error" -> throw new AssertionError("callback error at event " + n);
            case "block" -> {
                if (n % 1000 == 0) {
                    sleep(20);
                }
            }
            case "recurse" -> {
                // Into instrumented code: this tool's events are not delivered while its callback runs.
                if (INSIDE.get()) {
                    REENTERED.set(true);
                } else if (n % 100 == 0) {
                    INSIDE.set(true);
                    sink = Work.compute(10);
                    INSIDE.set(false);
                }
            }
            case "allocate" -> sink = new byte[64 * 1024];
            case "oom" -> {
                if (n == 1000) {
                    List<long[]> hog = new ArrayList<>();
                    while (true) {
                        hog.add(new long[1 << 20]);
                    }
                }
            }
            case "free" -> {
                if (n == 500) {
                    TOOL.get().close();
                } else if (n > 500) {
                    throw new IllegalStateException("delivered to a freed tool: event " + n);
                }
            }
            default -> {
            }
        }
        return Action.CONTINUE;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Threads load app.Work in loaders of their own and run it while another thread changes the events. */
    static void concurrent(Tool tool, String classes) throws Exception {
        URL url = new java.io.File(classes).toURI().toURL();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicBoolean done = new AtomicBoolean();
        Thread flipper = new Thread(() -> {
            EventSet[] sets = {EventSet.NONE, EventSet.of(Event.LINE), EventSet.ALL, EventSet.BRANCH};
            for (int i = 0; !done.get(); i++) {
                tool.setEvents(sets[i % sets.length]);
                if (i % 7 == 0) {
                    tool.restartEvents();
                }
            }
        });
        flipper.start();
        List<Future<Long>> results = new ArrayList<>();
        for (int t = 0; t < 64; t++) {
            results.add(pool.submit(() -> {
                try (URLClassLoader loader = new URLClassLoader(new URL[] {url}, null)) {
                    Method compute = loader.loadClass("app.Work").getMethod("compute", int.class);
                    return (Long) compute.invoke(null, 300);
                }
            }));
        }
        for (Future<Long> f : results) {
            System.out.println("result: " + f.get(120, TimeUnit.SECONDS));
        }
        done.set(true);
        flipper.join();
        pool.shutdown();
    }
}
