package io.lowimpact.monitoring.benchmarks.realworld;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CallCallback;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.JumpCallback;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Tool;
import io.lowimpact.tools.profiler.Profile;
import io.lowimpact.tools.profiler.Profiler;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The small tools of the real-workload benchmark, written against the public API only
 * ({@code io.lowimpact.monitoring.*}), as a user would write them. Each is installed by {@link #install} before
 * javac starts, and {@link Installed#report} writes what it saw once javac is done.
 *
 * <p>Kept out of {@link JavacLauncher} so that runs without our agent never load a class that names
 * {@code io.lowimpact.monitoring}.
 */
final class Tools {

    private Tools() {
    }

    /** A tool that is installed and listening. */
    interface Installed {
        /**
         * Writes what the tool saw. The tool keeps listening (the process exits next): switching its events off
         * here would retransform every class back.
         *
         * @param summary gets {@code key=value} lines (event counts)
         * @param coverageFile where coverage tools write their covered lines ({@code class line} per line), or null
         */
        void report(Map<String, String> summary, Path coverageFile);
    }

    /**
     * @param name {@code line}, {@code line-deferred}, {@code linebranch}, {@code linecount},
     *        {@code linecount-counted}, {@code calls}, {@code calls-counted}, {@code coverage-contexts}, {@code restart},
     *        {@code linebranch-deferred}, {@code restart-deferred}, {@code profevents} or {@code profiler}
     * @return the installed tool
     */
    static Installed install(String name) {
        switch (name) {
            case "line":
                return new Coverage(false, false, false);
            case "linebranch":
                return new Coverage(true, false, false);
            case "restart":
                return new Coverage(true, true, false);
            case "linebranch-deferred":
                return new Coverage(true, false, true);
            case "line-deferred":
                return new Coverage(false, false, true);
            case "restart-deferred":
                return new Coverage(true, true, true);
            case "linecount":
                return new LineCounter(false);
            case "linecount-counted":
                return new LineCounter(true);
            case "calls":
                return new CallCounter(false);
            case "calls-counted":
                return new CallCounter(true);
            case "profevents":
                return new ProfilerEventCounter();
            case "profiler":
                return new ProfilerRun();
            case "coverage-contexts":
                return new CoverageContexts();
            default:
                throw new IllegalArgumentException("unknown tool " + name);
        }
    }

    /**
     * Line (and branch) coverage, DISABLE after the first hit, or its events deferred (each location delivered once,
     * at the latest at the flush before the report); optionally restarted every 10 ms.
     */
    private static final class Coverage implements Installed {
        private final Tool tool = Monitoring.useToolId(Monitoring.COVERAGE_ID, "rw-coverage");
        private final Map<CodeUnit, Set<Integer>> lines = new ConcurrentHashMap<>();
        private final Set<Long> arcs = ConcurrentHashMap.newKeySet();
        private final LongAdder lineEvents = new LongAdder();
        private final LongAdder branchEvents = new LongAdder();
        private final boolean deferred;
        private final Ticker restarting;

        Coverage(boolean branches, boolean restart, boolean deferred) {
            this.deferred = deferred;
            tool.registerCallback(Event.LINE, (code, line) -> {
                lineEvents.increment();
                lines.computeIfAbsent(code, k -> ConcurrentHashMap.newKeySet()).add(line);
                return Action.DISABLE;
            });
            EventSet events = EventSet.of(Event.LINE);
            if (branches) {
                JumpCallback arc = (code, from, to) -> {
                    branchEvents.increment();
                    arcs.add(((long) code.id() << 40) ^ ((long) from << 20) ^ to);
                    return Action.DISABLE;
                };
                tool.registerCallback(Event.BRANCH_LEFT, arc);
                tool.registerCallback(Event.BRANCH_RIGHT, arc);
                events = events.union(EventSet.BRANCH);
            }
            if (deferred) {
                tool.setDeferredEvents(events); // before the events: no class is rewritten with calls first
            }
            tool.setEvents(events);
            restarting = restart ? Ticker.start("rw-restart", tool::restartEvents) : null;
        }

        @Override
        public void report(Map<String, String> summary, Path coverageFile) {
            if (restarting != null) {
                restarting.stop();
            }
            if (deferred) {
                tool.flushEvents();
            }
            Map<String, Set<Integer>> byClass = new TreeMap<>();
            lines.forEach((code, set) -> byClass.computeIfAbsent(code.className(), k -> new TreeSet<>()).addAll(set));
            int covered = 0;
            for (Set<Integer> set : byClass.values()) {
                covered += set.size();
            }
            summary.put("tool.lineEvents", Long.toString(lineEvents.sum()));
            summary.put("tool.branchEvents", Long.toString(branchEvents.sum()));
            summary.put("tool.coveredLines", Integer.toString(covered));
            summary.put("tool.coveredArcs", Integer.toString(arcs.size()));
            summary.put("tool.classes", Integer.toString(byClass.size()));
            summary.put("tool.restarts", Long.toString(restarting == null ? 0 : restarting.runs()));
            summary.put("tool.restartNanos", Long.toString(restarting == null ? 0 : restarting.nanos()));
            if (coverageFile != null) {
                write(coverageFile, byClass);
            }
        }

        private static void write(Path file, Map<String, Set<Integer>> byClass) {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
                byClass.forEach((cls, set) -> set.forEach(line -> out.println(cls + " " + line)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Counts every LINE event per code unit, never disabling: what a line profiler does. Either its callback counts
     * each event, or the runtime counts them for it ({@code setCountedEvents}) and a flush before the report hands
     * over the sums.
     */
    private static final class LineCounter implements Installed {
        private final Tool tool = Monitoring.useToolId(Monitoring.PROFILER_ID, "rw-linecount");
        private final Counts counts = new Counts();

        LineCounter(boolean counted) {
            if (counted) {
                tool.setCountedEvents(EventSet.of(Event.LINE), (code, event, offset, to, line, count) ->
                        counts.add(code.id(), count));
            } else {
                tool.registerCallback(Event.LINE, (code, line) -> count(counts, code));
            }
            tool.setEvents(EventSet.of(Event.LINE));
        }

        @Override
        public void report(Map<String, String> summary, Path coverageFile) {
            tool.flushEvents();
            summary.put("tool.lineEvents", Long.toString(counts.total()));
            summary.put("tool.units", Integer.toString(counts.nonZero()));
        }
    }

    /**
     * Counts METHOD_START and METHOD_RETURN per code unit: a call-counting profiler; by its callbacks, or by the
     * runtime ({@code setCountedEvents}), flushed before the report.
     */
    private static final class CallCounter implements Installed {
        private final Tool tool = Monitoring.useToolId(Monitoring.PROFILER_ID, "rw-calls");
        private final Counts starts = new Counts();
        private final Counts returns = new Counts();

        CallCounter(boolean counted) {
            EventSet events = EventSet.of(Event.METHOD_START, Event.METHOD_RETURN);
            if (counted) {
                tool.setCountedEvents(events, (code, event, offset, to, line, count) ->
                        (event == Event.METHOD_START ? starts : returns).add(code.id(), count));
            } else {
                tool.registerCallback(Event.METHOD_START, (code, offset) -> count(starts, code));
                tool.registerCallback(Event.METHOD_RETURN, (code, offset, value) -> count(returns, code));
            }
            tool.setEvents(events);
        }

        @Override
        public void report(Map<String, String> summary, Path coverageFile) {
            tool.flushEvents();
            summary.put("tool.startEvents", Long.toString(starts.total()));
            summary.put("tool.returnEvents", Long.toString(returns.total()));
            summary.put("tool.units", Integer.toString(starts.nonZero()));
        }
    }

    /**
     * Counts each of the profiler's six events ({@link Profiler#EVENTS}) per code unit: what delivering the
     * profiler's events costs without its bookkeeping.
     */
    private static final class ProfilerEventCounter implements Installed {
        private final Tool tool = Monitoring.useToolId(Monitoring.PROFILER_ID, "rw-profevents");
        private final Counts starts = new Counts();
        private final Counts exits = new Counts();
        private final Counts calls = new Counts();
        private final Counts externalExits = new Counts();

        ProfilerEventCounter() {
            tool.registerCallback(Event.METHOD_START, (code, offset) -> count(starts, code));
            tool.registerCallback(Event.METHOD_RETURN, (code, offset, value) -> count(exits, code));
            tool.registerCallback(Event.METHOD_UNWIND, (code, offset, exception) -> count(exits, code));
            tool.registerCallback(Event.CALL, (code, offset, target, arg0) -> count(calls, code));
            CallCallback external = (code, offset, target, arg0) -> count(externalExits, code);
            tool.registerCallback(Event.EXTERNAL_RETURN, external);
            tool.registerCallback(Event.EXTERNAL_RAISE, external);
            tool.setEvents(Profiler.EVENTS);
        }

        @Override
        public void report(Map<String, String> summary, Path coverageFile) {
            summary.put("tool.startEvents", Long.toString(starts.total()));
            summary.put("tool.exitEvents", Long.toString(exits.total()));
            summary.put("tool.callEvents", Long.toString(calls.total()));
            summary.put("tool.externalExitEvents", Long.toString(externalExits.total()));
            summary.put("tool.units", Integer.toString(starts.nonZero()));
        }
    }

    /** A counting tool's callback: counts the event for its code unit and goes on. */
    private static Action count(Counts counts, CodeUnit code) {
        counts.increment(code.id());
        return Action.CONTINUE;
    }

    /** The profiler, started through its public API as a user would; its snapshot is taken once javac is done. */
    private static final class ProfilerRun implements Installed {
        private final Profiler profiler = Profiler.start();

        @Override
        public void report(Map<String, String> summary, Path coverageFile) {
            long t0 = System.nanoTime();
            Profile profile = profiler.snapshot();
            long t1 = System.nanoTime();
            summary.put("tool.events", Long.toString(profile.events()));
            summary.put("tool.methods", Integer.toString(profile.methods().size()));
            summary.put("tool.untrackedCalls", Long.toString(profile.untrackedCalls()));
            summary.put("tool.snapshotNanos", Long.toString(t1 - t0));
            summary.put("tool.estimatedCallbackNanos", Long.toString(profile.estimatedCallbackNanos()));
        }
    }
}
