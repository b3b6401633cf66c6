package io.lowimpact.monitoring.instrument.internal.agent;

import io.lowimpact.monitoring.core.internal.Control;
import io.lowimpact.monitoring.core.internal.CoreRuntime;
import io.lowimpact.monitoring.instrument.internal.Engine;

import java.lang.System.Logger.Level;
import java.lang.instrument.Instrumentation;
import java.util.List;

/**
 * The agent's real start, called by {@code MonitoringAgent} once the agent jar is on the bootstrap class path
 * and loaded from there, so that this class, the engine and the core's state are the single copies that every
 * class loader sees. It wires the {@link Engine} to the JVM: {@code CodeUnit.of} asks the engine, an
 * {@link AgentTransformer} decides each class's bytes at load time, and a {@link Retransformer} listens to the
 * core's demand and brings loaded classes up to date. Starts at most once per JVM.
 */
public final class AgentMain {

    /** Classes that hold Lowimpact's state: another loader's copy of one of them means a second, blind runtime. */
    private static final List<String> RUNTIME_CLASSES = List.of("io.lowimpact.monitoring.Monitoring",
            "io.lowimpact.monitoring.core.internal.Control");

    private static volatile AgentOptions running;

    private AgentMain() {
    }

    /**
     * Starts the agent, unless it runs already (then only logs that the new options are ignored).
     *
     * @param options the option string, null or empty for the defaults
     * @param instrumentation the JVM's instrumentation
     * @throws IllegalArgumentException if an option is unknown or invalid, or the {@code dump=} directory cannot
     *         be created
     * @throws IllegalStateException if the JVM cannot retransform classes, or Lowimpact's runtime classes were
     *         already loaded by a class loader other than the bootstrap loader
     */
    public static synchronized void start(String options, Instrumentation instrumentation) {
        AgentOptions parsed = AgentOptions.parse(options);
        AgentLog log = AgentLog.system(parsed.logLevel());
        if (running != null) {
            log.log(Level.WARNING, "the monitoring agent is already running with options '" + running
                    + "'; ignoring another start with options '" + parsed + "'", null);
            return;
        }
        requireSingleRuntime(instrumentation);
        if (!instrumentation.isRetransformClassesSupported()) {
            throw new IllegalStateException("the JVM cannot retransform classes for the monitoring agent:"
                    + " its manifest must say Can-Retransform-Classes: true");
        }
        ClassDump dump = ClassDump.into(parsed.dump(), log); // may refuse the option: before any wiring
        ClassFilter filter = ClassFilter.of(parsed);
        Engine engine = new Engine(Control.INSTANCE, filter::accepts, parsed.probes().mask());
        CoreRuntime.setBytecodeUnits(engine::unitOf);
        engine.onMethodSkipped((className, method, reason) -> log.warnOnce(className + "." + method,
                "method " + className.replace('/', '.') + "." + method + " runs without probes: " + reason, null));
        Control.INSTANCE.setInstrumentedClasses(type -> filter.accepts(type.getName()));
        AgentTransformer.Rewriter rewriter = engine::transform;
        if (parsed.rewriterC1Only()) {
            rewriter = new RewriterJit(instrumentation, log).onFirstRewrite(rewriter);
        }
        instrumentation.addTransformer(new AgentTransformer(filter, rewriter, log, dump), true);
        Retransformer retransformer = new Retransformer(instrumentation, filter, engine::needsRetransform, log);
        Control.INSTANCE.addDemandListener(retransformer::demandChanged);
        running = parsed;
        // Classes loaded before the agent (all of them, when it is attached at run time) get what is needed now.
        retransformer.demandChanged();
        log.log(Level.INFO, "monitoring agent started with options '" + parsed + "'", null);
    }

    /**
     * Whether the agent runs; {@code MonitoringAgent.isInstalled()} asks this.
     *
     * @return true once {@link #start} has succeeded
     */
    public static boolean isStarted() {
        return running != null;
    }

    /**
     * Refuses to start when the application already loaded Lowimpact's runtime from the class path (it used
     * {@code Monitoring} before {@code MonitoringAgent.install()}): that copy would never see a bytecode probe.
     */
    private static void requireSingleRuntime(Instrumentation instrumentation) {
        for (Class<?> c : instrumentation.getAllLoadedClasses()) {
            ClassLoader loader = c.getClassLoader();
            if (loader != null && RUNTIME_CLASSES.contains(c.getName())) {
                throw new IllegalStateException(c.getName() + " was loaded by " + loader
                        + " before the monitoring agent started, so it would not see the agent's probes:"
                        + " call MonitoringAgent.install() before any use of Monitoring, or use -javaagent");
            }
        }
    }
}
