package io.lowimpact.monitoring.instrument.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.instrument.OfflineInstrumenter;
import io.lowimpact.monitoring.instrument.testing.DefiningLoader;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * R1 of docs/design.md on real jars (S41): every class of the third-party jars on the test class path (ASM, JUnit,
 * opentest4j: code from other authors and compilers, ASM's own of version 49), instrumented with probes
 * for every event, is loaded and linked, so that the JVM's verifier checks it, or is left unchanged for a stated
 * reason.
 * Zero broken classes. (It found that probes before a {@code new} whose uninitialised value lives across a branch
 * broke the frame's reference to that {@code new}: see {@code NewLabels}.)
 */
class JarCorpusVerifyTest {

    /** The class file version of the running JVM: newer classes (multi-release jars) cannot be loaded here. */
    private static final int RUNTIME_MAJOR_VERSION = ClassCheck.RUNTIME_MAJOR_VERSION;

    /**
     * The third-party jars of the test class path, or, when the system property {@code lowimpact.r1.jars} is set
     * (a path list), those jars instead: a larger corpus on demand, for example every jar of the local Maven
     * repository.
     */
    private static List<String> corpus() {
        String extra = System.getProperty("lowimpact.r1.jars");
        List<String> jars = new ArrayList<>();
        for (String entry : (extra != null ? extra : System.getProperty("java.class.path")).split(File.pathSeparator)) {
            String name = new File(entry).getName();
            if (name.endsWith(".jar") && !name.startsWith("monitoring-") && !name.startsWith("surefire")) {
                jars.add(entry);
            }
        }
        return jars;
    }

    @Test
    void r1_everyClassOfTheThirdPartyJarsVerifiesWithAllProbes() throws IOException {
        List<String> broken = new ArrayList<>();
        int verified = 0;
        int jars = 0;
        for (String entry : corpus()) {
            String name = new File(entry).getName();
            jars++;
            Map<String, byte[]> instrumented = new HashMap<>();
            try (JarFile jar = new JarFile(entry)) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                    JarEntry classEntry = e.nextElement();
                    String path = classEntry.getName();
                    if (!path.endsWith(".class") || path.startsWith("META-INF/") || path.endsWith("module-info.class")
                            || path.endsWith("package-info.class")) {
                        continue;
                    }
                    byte[] original = jar.getInputStream(classEntry).readAllBytes();
                    int version = ClassCheck.majorVersion(original);
                    if (version > RUNTIME_MAJOR_VERSION) {
                        continue; // not loadable here
                    }
                    String className = path.substring(0, path.length() - ".class".length()).replace('/', '.');
                    try {
                        instrumented.put(className, OfflineInstrumenter.instrument(original, EventSet.ALL));
                    } catch (IllegalArgumentException refused) {
                        // Only a class that would pass the class file's limits with probes (its constant pool);
                        // a method too large for probes keeps its code while the rest of the class gets probes.
                        assertTrue(String.valueOf(refused.getMessage()).contains("too large"),
                                className + ": " + refused);
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            DefiningLoader loader = new DefiningLoader(instrumented,
                    JarCorpusVerifyTest.class.getClassLoader());
            for (String className : instrumented.keySet()) {
                try {
                    Class<?> c = Class.forName(className, false, loader);
                    c.getDeclaredMethods(); // links the class: the verifier checks every method now
                    verified++;
                } catch (VerifyError | ClassFormatError e) {
                    broken.add(className + " (" + name + "): " + e);
                } catch (LinkageError | SecurityException | TypeNotPresentException optionalDependencyMissing) {
                    // A class that refers to a library absent from the test class path; not ours to judge.
                } catch (ClassNotFoundException e) {
                    broken.add(className + ": " + e);
                }
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(jars >= 3 && verified >= 500, "too small a corpus: " + verified + " classes from " + jars + " jars");
    }
}
