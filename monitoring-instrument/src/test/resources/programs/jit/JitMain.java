import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.instrument.OfflineInstrumenter;
import io.lowimpact.monitoring.instrument.testing.DefiningLoader;

import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import sun.hotspot.WhiteBox;

/**
 * Loads the classes of some JDK packages (original, or those to compile with probes for every event) in a fresh
 * loader (the tests' {@code DefiningLoader}: this module's test classes are on the class path), links them and has
 * HotSpot compile every concrete method with C1 (tier 1) and C2 (tier 4), one at a time. With
 * -XX:+PrintCompilation the JVM prints a "COMPILE SKIPPED" line for each bailout; this program prints "not
 * compilable" lines for the methods that a bailout made uncompilable at a tier, and a summary.
 *
 * Arguments: original|instrumented, the tiers ("1,4"), a method budget per tier, the jrt directory of the
 * classes to define (such as /modules/jdk.compiler/com/sun/tools/javac: whole packages, so that their
 * package-private and superclass references stay inside the loader), then the prefixes of the classes
 * whose methods to compile (such as com.sun.tools.javac.jvm.).
 */
public class JitMain {

    /** The probe kinds: -Djit.events=LINE,METHOD_UNWIND,... (to find which kind a bailout comes from), else all. */
    private static final EventSet EVENTS = events(System.getProperty("jit.events", ""));

    private static EventSet events(String names) {
        EventSet set = names.isEmpty() ? EventSet.ALL : EventSet.NONE;
        for (String name : names.split(",")) {
            for (Event<?> e : Event.values()) {
                if (e.name().equals(name)) {
                    set = set.union(EventSet.of(e));
                }
            }
        }
        return set;
    }

    /** With probes for the chosen events; unchanged where the instrumenter refuses (as the agent loads it). */
    private static byte[] instrument(byte[] bytes) {
        try {
            return OfflineInstrumenter.instrument(bytes, EVENTS);
        } catch (RuntimeException refused) {
            return bytes;
        }
    }

    public static void main(String[] args) throws Exception {
        boolean instrument = args[0].equals("instrumented");
        String[] tiers = args[1].split(",");
        int budget = Integer.parseInt(args[2]);
        Map<String, byte[]> classes = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<String> prefixes = List.of(args).subList(4, args.length);
        {
            Path dir = FileSystems.getFileSystem(URI.create("jrt:/")).getPath(args[3]);
            String module = dir.getName(1).toString();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    String path = p.toString().substring(("/modules/" + module + "/").length());
                    if (path.endsWith("module-info.class") || path.endsWith("package-info.class")) {
                        continue;
                    }
                    byte[] bytes = Files.readAllBytes(p);
                    String name = path.substring(0, path.length() - 6).replace('/', '.');
                    boolean compiled = prefixes.stream().anyMatch(name::startsWith);
                    classes.put(name, instrument && compiled ? instrument(bytes) : bytes);
                    if (compiled) {
                        names.add(name);
                    }
                }
            }
        }
        DefiningLoader loader = new DefiningLoader(classes, ClassLoader.getSystemClassLoader());
        List<Executable> methods = new ArrayList<>();
        int unlinkable = 0;
        for (String name : names) {
            Class<?> c;
            try {
                c = Class.forName(name, false, loader);
                c.getDeclaredMethods();
            } catch (LinkageError e) {
                unlinkable++; // refers to a non-exported class of another module: not loadable outside the JDK
                continue;
            }
            for (Executable e : c.getDeclaredMethods()) {
                if (!Modifier.isAbstract(e.getModifiers()) && !Modifier.isNative(e.getModifiers())) {
                    methods.add(e);
                }
            }
            for (Executable e : c.getDeclaredConstructors()) {
                methods.add(e);
            }
        }
        WhiteBox wb = WhiteBox.get();
        for (String t : tiers) {
            int tier = Integer.parseInt(t);
            int compiled = 0;
            int notCompilable = 0;
            for (Executable m : methods.subList(0, Math.min(budget, methods.size()))) {
                wb.compile(m, tier);
                compiled++;
                if (!wb.isCompilable(m, tier)) {
                    notCompilable++;
                    System.out.println("not compilable at tier " + tier + ": " + m.getDeclaringClass().getName()
                            + "::" + (m instanceof java.lang.reflect.Constructor ? "<init>" : m.getName()));
                }
            }
            System.out.println("tier " + tier + ": " + compiled + " methods of " + names.size()
                    + " classes compiled (" + unlinkable + " classes not linkable here), " + notCompilable
                    + " not compilable");
        }
    }
}
