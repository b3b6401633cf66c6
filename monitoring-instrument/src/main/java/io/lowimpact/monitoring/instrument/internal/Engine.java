package io.lowimpact.monitoring.instrument.internal;

import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.core.internal.Control;
import io.lowimpact.monitoring.instrument.internal.analysis.ClassAnalysis;
import io.lowimpact.monitoring.instrument.internal.analysis.ClassAnalyzer;
import io.lowimpact.monitoring.instrument.internal.analysis.OffsetClassReader;
import io.lowimpact.monitoring.instrument.internal.probes.ClassProbes;
import io.lowimpact.monitoring.instrument.internal.probes.MethodPlan;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Decides what each class looks like now: analyses classes into code units, registers them with the core,
 * and rewrites a class with exactly the probe kinds that some tool needs in it (S39), or keeps it original.
 * The agent's transformer and retransformation logic drive it; it holds no reference to
 * {@link java.lang.instrument.Instrumentation}.
 *
 * <p>Thread-safe.
 */
public final class Engine {

    private final Control control;
    private final Predicate<String> external;
    private final int preinstalled;
    /** Units by defining loader (null key: the bootstrap loader) and internal name; guarded by this. */
    private final Map<ClassLoader, Map<String, ClassUnits>> classes = new WeakHashMap<>();
    private final Map<String, ClassUnits> bootClasses = new HashMap<>();
    /** Classes that could not be instrumented, so that they are not retried at every demand change; guarded by this. */
    private final Map<ClassLoader, Map<String, Boolean>> failed = new WeakHashMap<>();
    private final Map<String, Boolean> bootFailed = new HashMap<>();
    /** Told of each method left without probes: the class, the method (name and descriptor) and why. */
    private volatile MethodSkipListener skipped = (className, method, reason) -> System.getLogger(
            "io.lowimpact.monitoring.agent").log(System.Logger.Level.WARNING,
            "method " + className.replace('/', '.') + "." + method + " runs without probes: " + reason);

    /** Hears of methods that are left without probes while the rest of their class gets them. */
    @FunctionalInterface
    public interface MethodSkipListener {
        /**
         * @param className the class's internal name
         * @param method the method's name and descriptor
         * @param reason why
         */
        void skipped(String className, String method, String reason);
    }

    /** An engine that treats the JDK's packages as not instrumented and pre-installs no probe. */
    public Engine() {
        this(Control.INSTANCE, name -> !JdkClasses.contains(name), 0);
    }

    /**
     * @param control the core
     * @param instrumented whether a class (internal or binary name) is instrumented by this agent; calls to other
     *        classes fire EXTERNAL_RETURN and EXTERNAL_RAISE
     * @param preinstalled the event mask of probe kinds every class gets at load time, patched out until a tool
     *        wants them (the agent's {@code probes=} option)
     */
    public Engine(Control control, Predicate<String> instrumented, int preinstalled) {
        this.control = control;
        this.external = instrumented.negate();
        this.preinstalled = preinstalled;
    }

    /**
     * Sets who hears of methods left without probes, at every rewrite of their class (by default a warning through
     * {@code System.Logger} {@code io.lowimpact.monitoring.agent}; the agent logs each method once).
     *
     * @param listener the listener
     */
    public void onMethodSkipped(MethodSkipListener listener) {
        skipped = listener;
    }

    /**
     * The class's bytes as they should be loaded now.
     *
     * @param loader the defining loader, null for the bootstrap loader
     * @param internalName the class's internal name ({@code a/b/C})
     * @param original the class file as the JVM passes it to a retransform-capable transformer (never instrumented)
     * @return the rewritten class file, or null to load {@code original} unchanged (also when it is malformed in a
     *         way that ASM would repair, {@link ClassFileCheck}: the JVM then refuses it as without the agent)
     */
    public byte[] transform(ClassLoader loader, String internalName, byte[] original) {
        int base = control.globalDemand() | preinstalled;
        ClassUnits units = known(loader, internalName);
        if (base == 0 && units == null) {
            return null; // nothing is needed anywhere and no tool can have local events here yet
        }
        try {
            OffsetClassReader reader = null;
            ClassNode tree = null;
            if (units == null) {
                if (ClassFileCheck.problem(original) != null) {
                    // Left as it is, the JVM refuses it (ClassFormatError, VerifyError) as without the agent.
                    markFailed(loader, internalName);
                    return null;
                }
                // One read gives the analysis and the tree that the rewrite changes.
                reader = ClassAnalyzer.reader(original);
                tree = ClassProbes.tree(reader);
                units = register(loader, internalName, ClassAnalyzer.analyze(reader, tree),
                        (base & ClassUnits.CALL_PROBES) != 0);
            }
            long[] wanted = units.wanted(control, base, preinstalled);
            int all = 0; // every kind some method needs
            for (long mask : wanted) {
                all |= (int) mask;
            }
            if ((all & ClassUnits.CALL_PROBES) != 0 && !units.callsLoaded()) {
                units.loadCalls(ClassAnalyzer.analyze(original)); // the first call probes of a class known before
            }
            byte[] result = null;
            if (all != 0) {
                ClassUnits finalUnits = units;
                Function<MethodNode, MethodPlan> plans = method -> finalUnits.plan(method.name, method.desc, wanted,
                        external);
                BiConsumer<String, String> skip = (method, reason) -> skipped.skipped(internalName, method, reason);
                result = tree != null ? ClassProbes.rewrite(reader, tree, plans, units.slots(), skip)
                        : ClassProbes.rewrite(original, plans, units.slots(), skip);
            }
            units.applied(wanted);
            return result;
        } catch (RuntimeException | LinkageError e) {
            markFailed(loader, internalName);
            throw e;
        }
    }

    /**
     * Whether a loaded class's probe kinds differ from what it should have now, so that it must be retransformed.
     *
     * @param loaded a loaded class
     * @return true if retransforming it would change its code
     */
    public boolean needsRetransform(Class<?> loaded) {
        ClassLoader loader = loaded.getClassLoader();
        String internalName = loaded.getName().replace('.', '/');
        if (hasFailed(loader, internalName)) {
            return false;
        }
        ClassUnits units = known(loader, internalName);
        int base = control.globalDemand() | preinstalled;
        if (units == null) {
            return base != 0;
        }
        return units.differs(units.wanted(control, base, preinstalled));
    }

    /**
     * The unit of a method or constructor, analysing its class if needed.
     *
     * @param executable a method or constructor
     * @return its unit
     * @throws IllegalArgumentException if it has no code or its class file cannot be read
     */
    public CodeUnit unitOf(Executable executable) {
        Class<?> owner = executable.getDeclaringClass();
        String internalName = owner.getName().replace('.', '/');
        ClassLoader loader = owner.getClassLoader();
        ClassUnits units = known(loader, internalName);
        if (units == null) {
            units = register(loader, internalName, ClassAnalyzer.analyze(classFile(owner, internalName)), false);
        }
        String name = executable instanceof Constructor ? "<init>" : executable.getName();
        ClassUnits.MethodUnit method = units.method(name, descriptor(executable));
        if (method == null) {
            throw new IllegalArgumentException("no code unit for " + executable + " (it has no code)");
        }
        return method.unit();
    }

    private synchronized void markFailed(ClassLoader loader, String internalName) {
        (loader == null ? bootFailed : failed.computeIfAbsent(loader, l -> new HashMap<>())).put(internalName, true);
    }

    private synchronized boolean hasFailed(ClassLoader loader, String internalName) {
        Map<String, Boolean> byName = loader == null ? bootFailed : failed.get(loader);
        return byName != null && byName.containsKey(internalName);
    }

    private synchronized ClassUnits known(ClassLoader loader, String internalName) {
        Map<String, ClassUnits> byName = loader == null ? bootClasses : classes.get(loader);
        return byName == null ? null : byName.get(internalName);
    }

    /** The class's units: those registered already, else new ones of this analysis (of the same class file). */
    private synchronized ClassUnits register(ClassLoader loader, String internalName, ClassAnalysis analysis,
            boolean withCalls) {
        Map<String, ClassUnits> byName = loader == null ? bootClasses
                : classes.computeIfAbsent(loader, l -> new HashMap<>());
        ClassUnits units = byName.get(internalName);
        if (units == null) {
            units = new ClassUnits(analysis, control, withCalls);
            byName.put(internalName, units);
        }
        return units;
    }

    private static byte[] classFile(Class<?> owner, String internalName) {
        String resource = internalName + ".class";
        ClassLoader loader = owner.getClassLoader();
        try (InputStream in = loader != null ? loader.getResourceAsStream(resource)
                : ClassLoader.getSystemResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("cannot read the class file of " + owner.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the class file of " + owner.getName(), e);
        }
    }

    private static String descriptor(Executable executable) {
        StringBuilder b = new StringBuilder("(");
        for (Class<?> type : executable.getParameterTypes()) {
            b.append(type.descriptorString());
        }
        b.append(')');
        b.append(executable instanceof Method ? ((Method) executable).getReturnType().descriptorString() : "V");
        return b.toString();
    }
}
