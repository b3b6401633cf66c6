package io.lowimpact.monitoring.instrument.internal.analysis.targets;

/** A synchronized method (no bytecode) and a synchronized block (a handler that releases and rethrows). */
public final class Synchronized {

    private final Object lock = new Object();
    private int count;

    public synchronized int incrementMethod() {
        return ++count;
    }

    public int incrementBlock() {
        synchronized (lock) {
            return ++count;
        }
    }
}
