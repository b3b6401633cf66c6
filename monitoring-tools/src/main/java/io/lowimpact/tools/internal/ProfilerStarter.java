package io.lowimpact.tools.internal;

import io.lowimpact.tools.profiler.Profiler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Starts the profiler for the tools agent's {@code profile=<dir>}: it writes its files there at exit. The agent's
 * {@code profileclock=} comes first, when given: {@code exact} ({@code System.nanoTime()} at every event) or a
 * period such as {@code 100us} or {@code 2ms} (see {@link Profiler.Builder#clockPeriod(Duration)}).
 */
final class ProfilerStarter {

    private static Duration period;

    private ProfilerStarter() {
    }

    static void clock(String value) {
        period = parsePeriod(value);
    }

    static void start(String dir) {
        Profiler.Builder builder = Profiler.builder();
        if (period != null) {
            builder.clockPeriod(period);
        }
        builder.start().writeAtExit(Path.of(dir));
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
