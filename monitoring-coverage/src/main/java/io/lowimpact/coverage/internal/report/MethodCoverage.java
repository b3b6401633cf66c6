package io.lowimpact.coverage.internal.report;

/**
 * One method's counters, as in JaCoCo's {@code <method>}: its distinct lines, branch edges, cyclomatic complexity
 * (JaCoCo's formula: per branch of {@code n} edges of which {@code c} were taken, {@code n - 1} total and
 * {@code max(0, n - max(c - 1, 0) - 1)} missed, plus one for the method) and itself.
 *
 * @param name the method's name
 * @param descriptor its descriptor
 * @param firstLine its lowest line
 * @param lines line counter
 * @param branches branch edge counter
 * @param complexity complexity counter
 */
record MethodCoverage(String name, String descriptor, int firstLine, Counter lines, Counter branches,
        Counter complexity) {

    boolean covered() {
        return lines.covered() > 0;
    }

    Counter methods() {
        return Counter.one(covered());
    }
}
