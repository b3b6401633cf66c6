package io.lowimpact.tools.profiler.internal;

import io.lowimpact.tools.profiler.EdgeStats;
import io.lowimpact.tools.profiler.MethodStats;
import io.lowimpact.tools.profiler.Profile;
import io.lowimpact.tools.profiler.ThreadProfile;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/** The text report of a {@link Profile}: top-N tables by self time, inclusive time and count, edges, threads. */
public final class TopTable {

    private TopTable() {
    }

    /**
     * @param profile the profile
     * @param n the rows per table
     * @return the report
     */
    public static String render(Profile profile, int n) {
        StringBuilder out = new StringBuilder();
        List<ThreadProfile> threads = profile.threads();
        long total = threads.stream().mapToLong(ThreadProfile::totalNanos).sum();
        out.append(String.format(Locale.ROOT, "Lowimpact profile: %d thread(s), %s ms recorded%n", threads.size(),
                ms(total)));
        out.append(String.format(Locale.ROOT,
                "profiler cost: %d events, est. %s ms in callbacks (%.1f ns/event, dispatch not included)%n",
                profile.events(), ms(profile.estimatedCallbackNanos()), profile.nanosPerEvent()));
        if (profile.untrackedCalls() > 0) {
            out.append(String.format(Locale.ROOT, "call paths past the profiler's limit (maxCallPaths): %d calls not"
                    + " in the figures below; their time counts as their callers' own%n", profile.untrackedCalls()));
        }
        out.append("times in ms; self = time in the method minus its calls; incl = with its calls,"
                + " recursion counted once\n");
        List<MethodStats> methods = profile.methods();
        methods(out, "by self time", methods, MethodStats::selfNanos, n);
        methods(out, "by inclusive time", methods, MethodStats::inclusiveNanos, n);
        methods(out, "by count", methods, MethodStats::count, n);
        edges(out, profile.edges(), n);
        for (ThreadProfile t : threads) {
            out.append(String.format(Locale.ROOT, "%nthread [%s] (id %d): %s ms recorded, %d events%n", t.name(),
                    t.id(), ms(t.totalNanos()), t.events()));
            methods(out, "by self time on [" + t.name() + "]", t.methods(), MethodStats::selfNanos, n);
        }
        return out.toString();
    }

    private static void methods(StringBuilder out, String title, List<MethodStats> methods,
            ToLongFunction<MethodStats> order, int n) {
        out.append(String.format(Locale.ROOT, "%nTop %d %s%n", n, title));
        out.append(String.format(Locale.ROOT, "%12s %12s %12s  %s%n", "self ms", "incl ms", "count", "method"));
        Comparator<MethodStats> c = Comparator.comparingLong(order).reversed().thenComparing(MethodStats::label);
        for (MethodStats m : methods.stream().sorted(c).limit(n).collect(Collectors.toList())) {
            out.append(String.format(Locale.ROOT, "%12s %12s %12d  %s%n", ms(m.selfNanos()), ms(m.inclusiveNanos()),
                    m.count(), m.label()));
        }
    }

    private static void edges(StringBuilder out, List<EdgeStats> edges, int n) {
        out.append(String.format(Locale.ROOT, "%nTop %d calls by time (caller -> callee)%n", n));
        out.append(String.format(Locale.ROOT, "%12s %12s  %s%n", "ms", "count", "caller -> callee"));
        Comparator<EdgeStats> c = Comparator.comparingLong(EdgeStats::nanos).reversed()
                .thenComparing(EdgeStats::caller).thenComparing(EdgeStats::callee);
        for (EdgeStats e : edges.stream().sorted(c).limit(n).collect(Collectors.toList())) {
            out.append(String.format(Locale.ROOT, "%12s %12d  %s -> %s%n", ms(e.nanos()), e.count(), e.caller(),
                    e.callee()));
        }
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }
}
