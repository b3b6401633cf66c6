package io.lowimpact.tools.profiler;

import io.lowimpact.tools.profiler.internal.Analysis;
import io.lowimpact.tools.profiler.internal.FlameGraphHtml;
import io.lowimpact.tools.profiler.internal.Frames;
import io.lowimpact.tools.profiler.internal.ThreadData;
import io.lowimpact.tools.profiler.internal.TopTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/**
 * A snapshot of what a {@link Profiler} recorded: figures per method, per caller-callee edge and per thread, and
 * the three outputs (a top-N table, collapsed stacks, an HTML flame graph). Times are in nanoseconds of the
 * profiler's clock. Immutable.
 *
 * <p>Taken while other threads still run, a snapshot may miss their latest events; frames still open are counted
 * up to the moment of the snapshot (or of {@link Profiler#stop()}).
 */
public final class Profile {

    /** File names that {@link #write(Path, String)} uses, after its prefix. */
    public static final String TABLE = ".txt";
    /** The collapsed stacks' file suffix. */
    public static final String COLLAPSED = ".collapsed";
    /** The flame graph's file suffix. */
    public static final String HTML = ".html";
    /** The share of the total below which {@link #write(Path, String)} folds a call path into its caller: 1/10,000. */
    public static final double FILE_MIN_FRACTION = 1e-4;

    private final List<ThreadData> data;
    private final Frames frames;
    private final List<ThreadProfile> threads;
    private final double nanosPerEvent;
    private final long untrackedCalls;

    Profile(List<ThreadData> data, Frames frames, double nanosPerEvent) {
        this.untrackedCalls = data.stream().mapToLong(ThreadData::untrackedCalls).sum();
        this.data = data.stream().filter(d -> d.tree().size() > 1).collect(Collectors.toUnmodifiableList());
        this.frames = frames;
        this.nanosPerEvent = nanosPerEvent;
        List<ThreadProfile> t = new ArrayList<>();
        for (ThreadData d : this.data) {
            t.add(Analysis.profile(d, frames));
        }
        this.threads = List.copyOf(t);
    }

    /** @return each thread that delivered an event, in the order they first did */
    public List<ThreadProfile> threads() {
        return threads;
    }

    /**
     * @param name a thread's name
     * @return the first thread of that name
     * @throws NoSuchElementException if there is none
     */
    public ThreadProfile thread(String name) {
        return threads.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no thread " + name));
    }

    /** @return the figures per method, all threads added up (by label), in the order first seen */
    public List<MethodStats> methods() {
        Map<String, MethodStats> sum = new LinkedHashMap<>();
        for (ThreadProfile t : threads) {
            for (MethodStats m : t.methods()) {
                sum.merge(m.label(), m, (a, b) -> new MethodStats(a.name(), a.descriptor(), a.external(),
                        a.count() + b.count(), a.inclusiveNanos() + b.inclusiveNanos(), a.selfNanos() + b.selfNanos()));
            }
        }
        return List.copyOf(sum.values());
    }

    /**
     * @param label a {@link MethodStats#label()}
     * @return that method's figures, all threads added up
     * @throws NoSuchElementException if no thread entered it
     */
    public MethodStats method(String label) {
        return methods().stream().filter(m -> m.label().equals(label)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no method " + label));
    }

    /** @return the figures per edge, all threads added up, in the order first seen */
    public List<EdgeStats> edges() {
        Map<String, EdgeStats> sum = new LinkedHashMap<>();
        for (ThreadProfile t : threads) {
            for (EdgeStats e : t.edges()) {
                sum.merge(e.caller() + " -> " + e.callee(), e,
                        (a, b) -> new EdgeStats(a.caller(), a.callee(), a.count() + b.count(), a.nanos() + b.nanos()));
            }
        }
        return List.copyOf(sum.values());
    }

    /** @return the events delivered to the profiler, all threads */
    public long events() {
        return threads.stream().mapToLong(ThreadProfile::events).sum();
    }

    /**
     * @return the calls, all threads, on call paths that the profiler did not keep (past
     *         {@link Profiler.Builder#maxCallPaths}): counted here, their time in their caller's self time; 0 when
     *         every path was kept
     */
    public long untrackedCalls() {
        return untrackedCalls;
    }

    /** @return the estimated cost of one event in the profiler's callbacks, in nanoseconds of {@code System.nanoTime} */
    public double nanosPerEvent() {
        return nanosPerEvent;
    }

    /** @return {@link #events()} times {@link #nanosPerEvent()}: the estimated time spent in the callbacks */
    public long estimatedCallbackNanos() {
        return Math.round(events() * nanosPerEvent);
    }

    /**
     * The collapsed stacks, in the format of FlameGraph's {@code flamegraph.pl} and speedscope: one line
     * {@code [thread];frame;frame;frame value} per distinct stack with self time, where the value is the self time
     * in <b>nanoseconds</b> and the first frame is the thread's name in brackets. Every call path has its line.
     *
     * @return the lines, each ending with a line feed
     */
    public String collapsed() {
        return collapsed(0);
    }

    /**
     * The collapsed stacks, with the call paths that took less than {@code minFraction} of the profile's total
     * time folded into their caller's line (their time becomes its self time), so that the lines still add up to
     * the total. Deeply recursive programs have millions of call paths; most are far too thin to see in a flame
     * graph.
     *
     * @param minFraction 0 for every path, else the least share of the total that keeps a path's own line
     * @return the lines, each ending with a line feed
     */
    public String collapsed(double minFraction) {
        StringBuilder out = new StringBuilder();
        try {
            writeCollapsed(out, minFraction);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return out.toString();
    }

    /** @return the time recorded, all threads: what the collapsed stacks add up to */
    public long totalNanos() {
        return threads.stream().mapToLong(ThreadProfile::totalNanos).sum();
    }

    private void writeCollapsed(Appendable out, double minFraction) throws IOException {
        long min = (long) Math.ceil(totalNanos() * minFraction);
        for (ThreadData d : data) {
            Analysis.collapsed(d, frames, min, out);
        }
    }

    /**
     * A text report: the top {@code n} methods by self time, by inclusive time and by count over all threads, the
     * top edges, each thread's top methods by self time, and the profiler's own cost.
     *
     * @param n how many rows per table
     * @return the report
     */
    public String table(int n) {
        return TopTable.render(this, n);
    }

    /**
     * A self-contained HTML page (inline script and style, nothing fetched) showing the flame graph of
     * {@link #collapsed(double) collapsed(minFraction)}.
     *
     * @param minFraction as for {@link #collapsed(double)}
     * @return the page
     */
    public String flameGraphHtml(double minFraction) {
        return FlameGraphHtml.render(collapsed(minFraction), "Lowimpact profile");
    }

    /**
     * Writes {@code prefix.txt} (the {@linkplain #table(int) table}, top 30), {@code prefix.collapsed} and
     * {@code prefix.html} into a directory, creating it if needed. Both stack files fold the call paths that took
     * less than {@link #FILE_MIN_FRACTION} of the total into their callers (see {@link #collapsed(double)}).
     *
     * @param dir the directory
     * @param prefix the files' name without suffix
     * @return the three files written: table, collapsed stacks, flame graph
     * @throws UncheckedIOException if writing fails
     */
    public List<Path> write(Path dir, String prefix) {
        try {
            Files.createDirectories(dir);
            Path table = dir.resolve(prefix + TABLE);
            Path collapsed = dir.resolve(prefix + COLLAPSED);
            Path html = dir.resolve(prefix + HTML);
            Files.writeString(table, table(30), StandardCharsets.UTF_8);
            String stacks = collapsed(FILE_MIN_FRACTION);
            Files.writeString(collapsed, stacks, StandardCharsets.UTF_8);
            Files.writeString(html, FlameGraphHtml.render(stacks, "Lowimpact profile"), StandardCharsets.UTF_8);
            return List.of(table, collapsed, html);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the profile to " + dir + ": " + e.getMessage(), e);
        }
    }
}
