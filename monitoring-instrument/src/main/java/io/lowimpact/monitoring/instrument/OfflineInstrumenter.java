package io.lowimpact.monitoring.instrument;

import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.core.internal.Control;
import io.lowimpact.monitoring.core.internal.JdkPackages;
import io.lowimpact.monitoring.instrument.internal.OfflineRewrite;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Instruments class files without an agent: {@code byte[] -> byte[]}. The result carries probes for the given
 * events in every method, linked to code units registered in this JVM's runtime, so it is meant to be defined
 * in this JVM (custom class loaders, tools, tests). Probes that no tool wants cost nothing once compiled.
 */
public final class OfflineInstrumenter {

    private OfflineInstrumenter() {
    }

    /**
     * Instruments a class, treating the JDK's packages as not instrumented (calls to them fire
     * {@code EXTERNAL_RETURN} and {@code EXTERNAL_RAISE}).
     *
     * @param classFile the class file
     * @param probes the events to insert probes for
     * @return the instrumented class file
     * @throws IllegalArgumentException if the class cannot be instrumented (malformed bytes, a class that would pass
     *         the class file's limits with probes); a method too large for probes keeps its code, as under the agent
     */
    public static byte[] instrument(byte[] classFile, EventSet probes) {
        return instrument(classFile, probes, name -> !JdkPackages.contains(name));
    }

    /**
     * Instruments a class.
     *
     * @param classFile the class file
     * @param probes the events to insert probes for
     * @param instrumented whether a class (internal name, {@code a/b/C}) is instrumented; calls to the others
     *        fire {@code EXTERNAL_RETURN} and {@code EXTERNAL_RAISE}
     * @return the instrumented class file
     * @throws IllegalArgumentException if the class cannot be instrumented (malformed bytes, a class that would pass
     *         the class file's limits with probes); a method too large for probes keeps its code, as under the agent
     */
    public static byte[] instrument(byte[] classFile, EventSet probes, Predicate<String> instrumented) {
        Objects.requireNonNull(classFile, "classFile must not be null");
        Objects.requireNonNull(probes, "probes must not be null");
        Objects.requireNonNull(instrumented, "instrumented must not be null");
        try {
            return OfflineRewrite.rewrite(Control.INSTANCE, classFile, probes.mask(), instrumented);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException | AssertionError e) { // malformed class bytes: ASM fails in many ways
            throw new IllegalArgumentException("cannot instrument the class: " + e, e);
        }
    }
}
