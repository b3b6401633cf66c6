package io.lowimpact.monitoring.instrument.internal.agent;

import java.lang.System.Logger.Level;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the rewrite's own code (this module and the ASM inside the agent jar) out of HotSpot's C2 compiler, once
 * the first class is rewritten. The rewrite runs hot while classes load, so C2 would compile its large methods
 * (ASM's reader and writer, the analysis) on the compiler threads that the application's code needs at the same
 * moment; C1 compiles them in a fraction of that time, and they stay compiled by C1. The monitored application's
 * code and the core's delivery path are untouched. On javac under line+branch coverage (2 cores) this took the
 * compiler threads' CPU from 14.7 to 11.2 s and a tenth to a fifth off the wall time ({@code docs/benchmarks.md}).
 *
 * <p>How: a compiler directive ({@code c2: { Exclude: true }} for the rewrite's packages, and for the core's classes
 * that only registering a rewritten class runs), added through the JVM's {@code Compiler.directives_add} diagnostic
 * command, which the agent reaches by opening two packages of the JDK's management modules to itself. It is done
 * once, at the first rewrite, on the thread that loads that class and before the JVM defines it (about 10–20 ms): a
 * JVM in which no class gets probes pays nothing. Not on a thread of its own: the classes it loads would then load
 * while the application's first instrumented code links its dynamic constants, and a class file transformer that
 * itself carries probes (a tool's own, instrumented because an include glob names it) can then meet a
 * {@code ClassCircularityError} at start-up ({@code CoverageAgentIT} did, one run in two). On a JVM without these (not
 * HotSpot, no {@code jdk.management}), or if anything fails, the rewrite is compiled as any code and the agent says
 * so at level {@code debug}.
 */
final class RewriterJit {

    /** What the directive names: the instrumenter and the ASM relocated under it. */
    static final String PACKAGES = "io/lowimpact/monitoring/instrument/*.*";
    /**
     * The core's classes that only registering a rewritten class runs: its units' tables and the unit registry
     * (C2 compiled {@code UnitTables}' constructor alone for 0.1–0.2 s of a javac run). The core's delivery path is
     * not among them.
     */
    static final List<String> REGISTRATION = List.of("io/lowimpact/monitoring/core/internal/UnitTables.*",
            "io/lowimpact/monitoring/core/internal/Units.*");
    static final String DIRECTIVE =
            "[" + excludedFromC2(List.of(PACKAGES)) + ", " + excludedFromC2(REGISTRATION) + "]";

    private final Instrumentation instrumentation;
    private final AgentLog log;
    private final AtomicBoolean started = new AtomicBoolean();

    RewriterJit(Instrumentation instrumentation, AgentLog log) {
        this.instrumentation = instrumentation;
        this.log = log;
    }

    /**
     * @param rewriter the engine's rewrite
     * @return the same rewrite, which adds the directive when it first returns a rewritten class (before the JVM
     *     defines that class)
     */
    AgentTransformer.Rewriter onFirstRewrite(AgentTransformer.Rewriter rewriter) {
        return (loader, internalName, original) -> {
            byte[] result = rewriter.rewrite(loader, internalName, original);
            if (result != null && !started.get() && started.compareAndSet(false, true)) {
                addDirective();
            }
            return result;
        };
    }

    /** Adds the directive; logs what happened. Never throws. */
    void addDirective() {
        try {
            String answer = add();
            log.log(Level.DEBUG, "compiler directive for the rewrite's code: " + answer.strip(), null);
        } catch (Throwable t) {
            log.log(Level.DEBUG, "the rewrite's code stays open to C2: " + AgentLog.reason(t), null);
        }
    }

    private String add() throws Exception {
        Optional<Module> management = ModuleLayer.boot().findModule("java.management");
        Optional<Module> extension = ModuleLayer.boot().findModule("jdk.management");
        if (management.isEmpty() || extension.isEmpty()) {
            throw new IllegalStateException("the JVM has no jdk.management module");
        }
        Module self = RewriterJit.class.getModule();
        open(management.get(), "sun.management", self);
        open(extension.get(), "com.sun.management.internal", self);
        // Its static initialiser loads the native library that the command runs through.
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        Class.forName("com.sun.management.internal.PlatformMBeanProviderImpl", true, platform);
        Method vmManagement = Class.forName("sun.management.ManagementFactoryHelper", true, platform)
                .getDeclaredMethod("getVMManagement");
        vmManagement.setAccessible(true);
        Class<?> commands = Class.forName("com.sun.management.internal.DiagnosticCommandImpl", true, platform);
        Constructor<?> constructor = commands.getDeclaredConstructor(
                Class.forName("sun.management.VMManagement", false, platform));
        constructor.setAccessible(true);
        Object impl = constructor.newInstance(vmManagement.invoke(null));
        Method execute = commands.getDeclaredMethod("executeDiagnosticCommand", String.class);
        execute.setAccessible(true);
        // Named here rather than by createTempFile, whose SecureRandom would load and seed a provider.
        Path file = Path.of(System.getProperty("java.io.tmpdir"),
                "lowimpact-rewriter-jit-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".json");
        try {
            Files.write(file, DIRECTIVE.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            return String.valueOf(execute.invoke(impl, "Compiler.directives_add " + file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** @return a directive that keeps the methods {@code patterns} match out of C2 */
    private static String excludedFromC2(List<String> patterns) {
        return "{ match: [\"" + String.join("\", \"", patterns) + "\"], c2: { Exclude: true } }";
    }

    private void open(Module module, String pkg, Module to) {
        if (!module.isOpen(pkg, to)) {
            instrumentation.redefineModule(module, Set.of(), Map.of(), Map.of(pkg, Set.of(to)), Set.of(), Map.of());
        }
    }
}
