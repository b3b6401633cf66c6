package io.lowimpact.monitoring.benchmarks.realworld;

import java.util.Map;
import java.util.TreeMap;

/**
 * Deoptimizations of one diagnostic run: the {@code jdk.Deoptimization} events of a JFR recording, as
 * {@code jfr print --events jdk.Deoptimization} prints them (JDK 17 has no {@code -Xlog:deoptimization}).
 *
 * @param total events
 * @param inPrefix events whose method's class name starts with the prefix given to {@link #parse}
 * @param reasons events per {@code reason} (all methods)
 */
record Deopts(long total, long inPrefix, Map<String, Long> reasons) {

    /**
     * @param jfrPrint the output of {@code jfr print --events jdk.Deoptimization}
     * @param prefix a class name prefix, such as {@code com.sun.tools.javac.}
     * @return the counts
     */
    static Deopts parse(String jfrPrint, String prefix) {
        long total = 0;
        long inPrefix = 0;
        Map<String, Long> reasons = new TreeMap<>();
        for (String line : jfrPrint.split("\n", -1)) {
            String s = line.strip();
            if (s.equals("jdk.Deoptimization {")) {
                total++;
            } else if (s.startsWith("method = ") && s.substring("method = ".length()).startsWith(prefix)) {
                inPrefix++;
            } else if (s.startsWith("reason = ")) {
                String reason = s.substring("reason = ".length()).replace("\"", "");
                reasons.merge(reason, 1L, Long::sum);
            }
        }
        return new Deopts(total, inPrefix, reasons);
    }
}
