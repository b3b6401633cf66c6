package io.lowimpact.monitoring.benchmarks.realworld;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A daemon thread that runs an action every 10 ms (a restart, a context switch: what a test runner's per-test
 * contexts do) until stopped, counting the runs and the time they took.
 */
final class Ticker {

    private final Runnable action;
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();
    private volatile boolean stopped;

    private Ticker(Runnable action) {
        this.action = action;
    }

    /**
     * @param name the thread's name
     * @param action what to run every 10 ms
     * @return the started ticker
     */
    static Ticker start(String name, Runnable action) {
        Ticker ticker = new Ticker(action);
        Thread t = new Thread(ticker::loop, name);
        t.setDaemon(true);
        t.start();
        return ticker;
    }

    private void loop() {
        while (!stopped) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
            long t0 = System.nanoTime();
            action.run();
            nanos.addAndGet(System.nanoTime() - t0);
            runs.incrementAndGet();
        }
    }

    /** Stops after the current run, if any. */
    void stop() {
        stopped = true;
    }

    /** @return how many times the action ran */
    long runs() {
        return runs.get();
    }

    /** @return the time the runs took, in nanoseconds */
    long nanos() {
        return nanos.get();
    }
}
