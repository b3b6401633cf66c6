package io.lowimpact.tools.internal;

import io.lowimpact.tools.profiler.Profiler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Starts the profiler for the tools agent's {@code profile=<dir>}: it writes its files there at exit. The agent's
 * {@code profileclock=} comes first, when given: {@code exact} ({@code System.nanoTime()} at every event) or a
 * period such as {@code 100us} or {@code 2ms} (see {@link Profiler.Builder#clockPeriod(Duration)}); and
 * {@code profilepaths=}, the most call paths it keeps (see {@link Profiler.Builder#maxCallPaths(long)}).
 */
final class ProfilerStarter {

    private static Duration period;
    private static long maxCallPaths;

    private ProfilerStarter() {
    }

    static void clock(String value) {
        period = parsePeriod(value);
    }

    static void paths(String value) {
        maxCallPaths = parsePaths(value);
    }

    static void start(String dir) {
        Profiler.Builder builder = Profiler.builder();
        if (period != null) {
            builder.clockPeriod(period);
        }
        if (maxCallPaths > 0) {
            builder.maxCallPaths(maxCallPaths);
        }
        builder.start().writeAtExit(Path.of(dir));
    }

    /**
     * @param value a positive whole number
     * @return the most call paths
     * @throws IllegalArgumentException for anything else
     */
    static long parsePaths(String value) {
        String v = value.strip();
        if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
            try {
                long n = Long.parseLong(v);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // too large: refused below
            }
        }
        throw new IllegalArgumentException("tools agent option profilepaths=" + value
                + ": give a positive whole number of call paths, such as 1000000");
    }

    /**
     * @param value {@code exact}, or a positive whole number followed by {@code us} or {@code ms}
     * @return the period, zero for {@code exact}
     * @throws IllegalArgumentException for anything else
     */
    static Duration parsePeriod(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("exact")) {
            return Duration.ZERO;
        }
        int unitAt = v.length() - 2;
        if (unitAt > 0 && (v.endsWith("us") || v.endsWith("ms")) && v.substring(0, unitAt).chars()
                .allMatch(Character::isDigit)) {
            try {
                long n = Long.parseLong(v.substring(0, unitAt));
                if (n > 0) {
                    return v.endsWith("us") ? Duration.ofNanos(Math.multiplyExact(n, 1000L)) : Duration.ofMillis(n);
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // too large: refused below
            }
        }
        throw new IllegalArgumentException("tools agent option profileclock=" + value
                + ": give exact, or a period such as 100us or 2ms");
    }
}
