package io.lowimpact.monitoring.instrument.internal;

import io.lowimpact.monitoring.core.internal.Control;
import io.lowimpact.monitoring.instrument.internal.analysis.ClassAnalyzer;
import io.lowimpact.monitoring.instrument.internal.analysis.OffsetClassReader;
import io.lowimpact.monitoring.instrument.internal.probes.ClassProbes;
import org.objectweb.asm.tree.ClassNode;

import java.util.Arrays;
import java.util.function.Predicate;

/** The offline rewrite: fresh units for the class, the same probe kinds in every method that can take them. */
public final class OfflineRewrite {

    private OfflineRewrite() {
    }

    /**
     * @param control the core the units are registered with
     * @param classFile the class file
     * @param events the event mask to insert probes for
     * @param instrumented whether a class (internal name) is instrumented
     * @return the rewritten class file
     * @throws IllegalArgumentException if the class file is malformed ({@link ClassFileCheck})
     */
    public static byte[] rewrite(Control control, byte[] classFile, int events, Predicate<String> instrumented) {
        String malformed = ClassFileCheck.problem(classFile);
        if (malformed != null) {
            // ASM would read it leniently and could write back a class the JVM accepts where it refuses this one.
            throw new IllegalArgumentException("malformed class file: " + malformed);
        }
        // One read gives the analysis and the tree that the rewrite changes.
        OffsetClassReader reader = ClassAnalyzer.reader(classFile);
        ClassNode tree = ClassProbes.tree(reader);
        ClassUnits units = new ClassUnits(ClassAnalyzer.analyze(reader, tree), control,
                (events & ClassUnits.CALL_PROBES) != 0);
        long[] masks = units.wanted(control, events, events);
        Arrays.fill(masks, events);
        Predicate<String> external = instrumented.negate();
        // As under the agent, a method too large for probes keeps its code and the rest of the class gets probes.
        return ClassProbes.rewrite(reader, tree, method -> units.plan(method.name, method.desc, masks, external),
                units.slots(), (method, reason) -> { });
    }
}
