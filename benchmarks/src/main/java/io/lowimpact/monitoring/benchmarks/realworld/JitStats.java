package io.lowimpact.monitoring.benchmarks.realworld;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the JIT did in one diagnostic run, parsed from the child's standard output under
 * {@code -XX:+CITime -XX:+PrintCompilation}: total compile time, compiled code size, bailouts
 * ({@code COMPILE SKIPPED}) and invalidated code ({@code made not entrant}).
 *
 * @param compileSeconds "Total compilation time" of {@code -XX:+CITime}, seconds (C1 + C2, all threads)
 * @param codeBytes {@code nmethods_code_size} of C1 plus C2: machine code of the methods compiled during the run
 * @param methods methods compiled by C1 plus C2 (standard and OSR)
 * @param notEntrant {@code made not entrant} lines: compiled code thrown away (deoptimization, dependency or tier
 *        change)
 * @param skipped bailouts: method name ({@code pkg.Class::name}) to the reasons of its {@code COMPILE SKIPPED} lines
 */
record JitStats(double compileSeconds, long codeBytes, long methods, long notEntrant, Map<String, Set<String>> skipped) {

    private static final Pattern TOTAL = Pattern.compile("^\\s*Total compilation time\\s*:\\s*([0-9.]+) s");
    private static final Pattern COMPILER = Pattern.compile(
            "^\\s*C[12] \\{.*standard:\\s*[0-9.]+ s, \\d+ bytes, (\\d+) methods; osr:\\s*[0-9.]+ s, \\d+ bytes, (\\d+)"
                    + " methods;.*nmethods_code_size: (\\d+) bytes\\}");
    private static final Pattern SKIPPED = Pattern.compile("\\s(\\S+::\\S+) .*COMPILE SKIPPED: (.*?)\\s*$");

    /**
     * @param output the child's standard output
     * @return what it says; zeros for what it lacks
     */
    static JitStats parse(String output) {
        double seconds = 0;
        long code = 0;
        long methods = 0;
        long notEntrant = 0;
        Map<String, Set<String>> skipped = new TreeMap<>();
        for (String line : output.split("\n", -1)) {
            Matcher m = TOTAL.matcher(line);
            if (m.find()) {
                seconds = Double.parseDouble(m.group(1));
                continue;
            }
            m = COMPILER.matcher(line);
            if (m.find()) {
                methods += Long.parseLong(m.group(1)) + Long.parseLong(m.group(2));
                code += Long.parseLong(m.group(3));
                continue;
            }
            if (line.endsWith("made not entrant")) {
                notEntrant++;
                continue;
            }
            m = SKIPPED.matcher(line);
            if (m.find()) {
                skipped.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
            }
        }
        return new JitStats(seconds, code, methods, notEntrant, skipped);
    }

    /**
     * @param prefix a class name prefix, such as {@code com.sun.tools.javac.}
     * @param baseline the same workload's stats without instrumentation
     * @return bailouts (method and reason) in methods under {@code prefix} that {@code baseline} lacks
     */
    Map<String, Set<String>> newSkipped(String prefix, JitStats baseline) {
        Map<String, Set<String>> result = new TreeMap<>();
        skipped.forEach((method, reasons) -> {
            if (!method.startsWith(prefix)) {
                return;
            }
            Set<String> before = baseline.skipped.getOrDefault(method, Set.of());
            for (String r : reasons) {
                if (!before.contains(r)) {
                    result.computeIfAbsent(method, k -> new TreeSet<>()).add(r);
                }
            }
        });
        return result;
    }
}
