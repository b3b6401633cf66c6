package io.lowimpact.monitoring.benchmarks;

import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CodeUnitSpec;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;

import java.util.SplittableRandom;

/** Code units, probes and data shared by the benchmarks; none of it is measured. */
final class Fixtures {

    private Fixtures() {
    }

    /**
     * Defines an injected unit of {@code lines} lines, one offset each: offset {@code i} is line {@code i + 1}.
     *
     * @param name the unit's namespace, unique per fork
     * @param lines at least 1
     * @return the unit
     */
    static CodeUnit unit(String name, int lines) {
        CodeUnitSpec.Builder spec = CodeUnitSpec.builder(name, "run").sourceFile(name + ".src").length(lines);
        for (int i = 0; i < lines; i++) {
            spec.line(i, i + 1, i + 1);
        }
        return CodeUnit.define(spec.build());
    }

    /**
     * The LINE probes of every offset of {@code unit}.
     *
     * @param unit a unit made by {@link #unit(String, int)}
     * @return one probe per line, in offset order
     */
    static Probe[] lineProbes(CodeUnit unit) {
        Probe[] probes = new Probe[unit.length()];
        for (int i = 0; i < probes.length; i++) {
            probes[i] = Monitoring.probe(unit, Event.LINE, i);
        }
        return probes;
    }

    /**
     * Fires each probe once.
     *
     * @param probes probes fired with {@link Probe#fire()}
     */
    static void fireAll(Probe[] probes) {
        for (Probe probe : probes) {
            probe.fire();
        }
    }

    /**
     * Fails the trial if a probe is in the wrong state, so a broken setup cannot produce a plausible number.
     *
     * @param probes the probes
     * @param active the state they must all be in
     * @param what what the state means, for the message
     */
    static void requireActive(Probe[] probes, boolean active, String what) {
        for (Probe probe : probes) {
            if (probe.isActive() != active) {
                throw new IllegalStateException("benchmark setup broken: " + probe + " is "
                        + (active ? "inactive" : "active") + " but must be " + what);
            }
        }
    }

    /**
     * Random ints, fixed seed, so every fork sums the same data.
     *
     * @param size the length
     * @return the array
     */
    static int[] randomInts(int size) {
        SplittableRandom random = new SplittableRandom(42);
        int[] values = new int[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextInt(1000);
        }
        return values;
    }
}
