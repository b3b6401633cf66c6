import io.lowimpact.monitoring.instrument.internal.agent.AgentLog;
import io.lowimpact.monitoring.instrument.internal.agent.AgentOptions;
import io.lowimpact.monitoring.instrument.internal.agent.AgentTransformer;
import io.lowimpact.monitoring.instrument.internal.agent.ClassFilter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A second agent, started after Lowimpact's (its option is the agent jar's path). It registers, in this order:
 * one of Lowimpact's transformers whose engine fails on {@code Victim} and records every other class it is
 * given; and a transformer that compares each Lowimpact class, as Lowimpact's own transformer hands it on at
 * load time, with the class file in the agent jar.
 */
public final class Spy {

    static final Set<String> given = ConcurrentHashMap.newKeySet();
    static final Set<String> checked = ConcurrentHashMap.newKeySet();
    static final Set<String> changed = ConcurrentHashMap.newKeySet();
    private static Instrumentation instrumentation;
    private static JarFile agentJar;

    private Spy() {
    }

    public static void premain(String agentJarPath, Instrumentation inst) throws IOException {
        instrumentation = inst;
        agentJar = new JarFile(agentJarPath);
        AgentTransformer failing = new AgentTransformer(ClassFilter.of(AgentOptions.defaults()), Spy::rewrite,
                AgentLog.system(Level.WARNING));
        inst.addTransformer(failing, true);
        inst.addTransformer(new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
                    byte[] bytes) {
                if (redefined == null && name != null && name.startsWith("io/lowimpact/monitoring/")) {
                    compare(name, bytes);
                }
                return null;
            }
        }, true);
    }

    private static byte[] rewrite(ClassLoader loader, String name, byte[] original) {
        if (name.equals("Victim")) {
            throw new IllegalStateException("boom in " + name);
        }
        given.add(name);
        return null;
    }

    private static void compare(String name, byte[] bytes) {
        JarEntry entry = agentJar.getJarEntry(name + ".class");
        if (entry == null) {
            return;
        }
        try (InputStream in = agentJar.getInputStream(entry)) {
            checked.add(name);
            if (!Arrays.equals(in.readAllBytes(), bytes)) {
                changed.add(name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void retransform(Class<?> c) throws UnmodifiableClassException {
        instrumentation.retransformClasses(c);
    }

    static Set<String> ownGiven() {
        Set<String> own = new TreeSet<>();
        for (String name : given) {
            if (name.startsWith("io/lowimpact/")) {
                own.add(name);
            }
        }
        return own;
    }
}
