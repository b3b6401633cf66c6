package io.lowimpact.monitoring.instrument;

import io.lowimpact.monitoring.instrument.internal.agent.SelfAttach;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.jar.JarFile;

/**
 * The java agent of Lowimpact: it makes bytecode code units and probes available to {@code Monitoring}
 * ({@code docs/spec.md} §8). Three ways to start it:
 * <ul>
 * <li>{@code java -javaagent:monitoring-agent.jar[=options] ...}, the usual way ({@link #premain});</li>
 * <li>{@code java -jar app.jar} where {@code app.jar}'s manifest names this class as
 *     {@code Launcher-Agent-Class}, says {@code Can-Retransform-Classes: true} and puts the agent jar on the class
 *     path ({@link #agentmain});</li>
 * <li>{@link #install()} from the running application, when no agent was given on the command line.</li>
 * </ul>
 *
 * <p>Options are {@code key=value} pairs separated by commas, for example
 * {@code -javaagent:monitoring-agent.jar=include=com.acme.**:org.foo.*,log=info,dump=target/classes-dumped}; see
 * {@code docs/agent.md}.
 * An unknown option or a bad value stops the agent with an {@link IllegalArgumentException} that names it.
 *
 * <p>Starting puts the agent jar on the bootstrap class path before any other Lowimpact class is loaded, so
 * that the monitoring runtime and the class that instrumented code links to exist once in the JVM and are
 * visible from every class loader, including loaders that do not delegate to the system class loader. This class,
 * which the system class loader defines, only does that and then hands over; until then it touches nothing but
 * {@code java.base} and {@code java.instrument}. With class-data sharing on, HotSpot notes the appended boot class
 * path once on start-up ("Sharing is only supported for boot loader classes because bootstrap classpath has been
 * appended"); it is harmless.
 *
 * <p><b>Dynamic loading (JEP 451).</b> {@link #install()} loads the agent into the running JVM through the
 * attach API. On JDK 21 and later the JVM then prints
 * <pre>
 * WARNING: A Java agent has been loaded dynamically (/path/to/monitoring-agent.jar)
 * WARNING: If a serviceability tool is in use, please run with -XX:+EnableDynamicAgentLoading to hide this warning
 * ...
 * </pre>
 * and a future JDK will refuse dynamic loading unless the JVM runs with {@code -XX:+EnableDynamicAgentLoading}.
 * Prefer {@code -javaagent:} (or {@code Launcher-Agent-Class}), which never warn; pass
 * {@code -XX:+EnableDynamicAgentLoading} when you rely on {@code install()}. JDK 17 loads agents dynamically
 * without a warning. A JVM started with {@code -XX:+DisableAttachMechanism}, or an image without the
 * {@code jdk.attach} module, cannot use {@code install()}.
 *
 * <p>Thread-safe. All methods are static.
 */
public final class MonitoringAgent {

    /** The agent's real entry point, loaded by the bootstrap class loader. Named, never linked, from here. */
    private static final String AGENT_MAIN = "io.lowimpact.monitoring.instrument.internal.agent.AgentMain";

    /** An entry that only the agent jar holds (the relocated ASM), to tell it from the plain module jar. */
    private static final String MARKER = "io/lowimpact/monitoring/instrument/internal/asm/ClassReader.class";

    private static final Object INSTALL_LOCK = new Object();

    /** Why the last start in this JVM failed, for {@link #install(String)}'s message; null if none did. */
    private static volatile Throwable startFailure;

    private MonitoringAgent() {
    }

    /**
     * Entry point for {@code -javaagent:monitoring-agent.jar[=options]}.
     *
     * @param options the agent options, null or empty for the defaults
     * @param instrumentation the JVM's instrumentation
     * @throws IllegalArgumentException if an option is unknown or has a bad value (the JVM does not start)
     * @throws IllegalStateException if the agent jar cannot be found
     */
    public static void premain(String options, Instrumentation instrumentation) {
        start(options, instrumentation);
    }

    /**
     * Entry point for dynamic loading ({@link #install()}, or any attach-API client) and for
     * {@code Launcher-Agent-Class}. Starting a second time in one JVM changes nothing (the first options stay).
     *
     * @param options the agent options, null or empty for the defaults
     * @param instrumentation the JVM's instrumentation
     * @throws IllegalArgumentException if an option is unknown or has a bad value
     * @throws IllegalStateException if the agent jar cannot be found, or Lowimpact's runtime was already
     *         loaded by another class loader (from the class path) before the agent started
     */
    public static void agentmain(String options, Instrumentation instrumentation) {
        start(options, instrumentation);
    }

    /**
     * Loads the agent into this JVM with the default options, unless it is running already. See
     * {@link #install(String)}.
     *
     * @throws IllegalStateException if the agent cannot be loaded; the message says why
     */
    public static void install() {
        install("");
    }

    /**
     * Loads the agent into this JVM unless it is running already; then returns once it runs. Call it before
     * any other use of {@code Monitoring}, so that the application binds to the agent's runtime.
     *
     * <p>A JVM may not attach an agent to itself, so this starts a short-lived child JVM (this JVM's
     * {@code java.home/bin/java}, else the command that started this process) running a small attacher from
     * the agent jar, which loads the jar into this process with {@code com.sun.tools.attach.VirtualMachine}.
     * It needs {@code monitoring-agent.jar} on the class path. See the class comment about the JEP 451 warning and
     * {@code -XX:+EnableDynamicAgentLoading}.
     *
     * @param options the agent options (as after {@code -javaagent:monitoring-agent.jar=}); null or empty for
     *        the defaults; ignored if the agent is running already
     * @throws IllegalStateException if no agent jar is on the class path, the attach fails or times out, or the
     *         agent refuses to start (for example an unknown option); the message says why
     */
    public static void install(String options) {
        // Not the class's monitor: agentmain takes that one, on the JVM's attach thread, while this waits.
        synchronized (INSTALL_LOCK) {
            installLocked(options);
        }
    }

    private static void installLocked(String options) {
        if (isInstalled()) {
            return;
        }
        startFailure = null;
        try {
            SelfAttach.attach(agentJar("MonitoringAgent.install()"), options == null ? "" : options);
        } catch (IllegalStateException e) {
            Throwable cause = startFailure; // set by agentmain, in this JVM, when the jar loaded but did not start
            if (cause == null) {
                throw e;
            }
            throw new IllegalStateException("the monitoring agent did not start: " + cause.getMessage(), cause);
        }
        if (!isInstalled()) {
            Throwable cause = startFailure;
            throw new IllegalStateException("the monitoring agent was loaded but did not start"
                    + (cause == null ? "" : ": " + cause.getMessage()), cause);
        }
    }

    /**
     * Whether the agent is running in this JVM, however it was started.
     *
     * @return true once the agent has started
     */
    public static boolean isInstalled() {
        Class<?> main = bootClassOrNull();
        if (main == null) {
            return false;
        }
        try {
            return (Boolean) main.getMethod("isStarted").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot ask the monitoring agent whether it runs", e);
        }
    }

    private static synchronized void start(String options, Instrumentation instrumentation) {
        try {
            Class<?> main = bootClassOrNull();
            if (main == null) {
                // Before any other Lowimpact class is loaded: from now on every loader finds them in the boot loader.
                instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(agentJar("the monitoring agent").toFile()));
                main = Class.forName(AGENT_MAIN, true, null);
            }
            main.getMethod("start", String.class, Instrumentation.class).invoke(null, options, instrumentation);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            startFailure = cause;
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException("cannot start the monitoring agent: " + cause, cause);
        } catch (ReflectiveOperationException | IOException e) {
            IllegalStateException failure = new IllegalStateException("cannot start the monitoring agent: " + e, e);
            startFailure = failure;
            throw failure;
        } catch (RuntimeException | Error e) {
            startFailure = e;
            throw e;
        }
    }

    private static Class<?> bootClassOrNull() {
        try {
            return Class.forName(AGENT_MAIN, false, null);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /**
     * The agent jar: the jar this class was loaded from if it is one, else the first agent jar on the class path
     * (the system class loader may have found this class in a plain jar or directory listed before it).
     * {@code who} names the caller in the message when there is none.
     */
    private static Path agentJar(String who) {
        CodeSource source = MonitoringAgent.class.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        Path own = location == null ? null : toPath(location);
        if (own != null && isAgentJar(own)) {
            return own;
        }
        URL marker = ClassLoader.getSystemResource(MARKER);
        Path found = null;
        if (marker != null && "jar".equals(marker.getProtocol())) {
            try {
                found = toPath(((JarURLConnection) marker.openConnection()).getJarFileURL());
            } catch (IOException | ClassCastException e) {
                found = null;
            }
        }
        if (found == null) {
            throw new IllegalStateException(who + " needs the agent jar, but " + MonitoringAgent.class.getName()
                    + " was loaded from " + (location == null ? "an unknown location" : location)
                    + " and no monitoring-agent.jar is on the class path:"
                    + " run with -javaagent:monitoring-agent.jar, or put monitoring-agent.jar on the class path");
        }
        return found;
    }

    private static boolean isAgentJar(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (JarFile jar = new JarFile(path.toFile())) {
            return jar.getEntry(MARKER) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path toPath(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            return null;
        }
    }
}
