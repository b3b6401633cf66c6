import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A second agent, started after Lowimpact's, whose option names the watched classes ({@code A:B}). Its
 * retransform-capable transformer runs after Lowimpact's, so on each retransformation of a watched class it
 * receives the bytes Lowimpact's transformer produced (or the original class file where it kept the class as is).
 */
public final class Spy {

    /** One retransformation of a watched class and the bytes the spy received. */
    static final class Capture {
        final String name;
        final byte[] bytes;

        Capture(String name, byte[] bytes) {
            this.name = name;
            this.bytes = bytes;
        }
    }

    private static final List<Capture> captures = new ArrayList<>();
    private static Instrumentation instrumentation;
    private static Set<String> watched;

    private Spy() {
    }

    public static void premain(String classes, Instrumentation inst) {
        instrumentation = inst;
        watched = Set.of(classes.split(":"));
        inst.addTransformer(new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
                    byte[] bytes) {
                if (redefined != null && watched.contains(name)) {
                    synchronized (captures) {
                        captures.add(new Capture(name, bytes.clone()));
                    }
                }
                return null;
            }
        }, true);
    }

    /** Retransforms one class and returns the bytes the spy received for it. */
    static byte[] current(Class<?> c) throws UnmodifiableClassException {
        drain();
        instrumentation.retransformClasses(c);
        List<Capture> seen = drain();
        if (seen.size() != 1 || !seen.get(0).name.equals(c.getName())) {
            throw new IllegalStateException("expected one capture of " + c.getName() + ", got " + seen.size());
        }
        return seen.get(0).bytes;
    }

    /** The captures since the last call, and forgets them. */
    static List<Capture> drain() {
        synchronized (captures) {
            List<Capture> all = new ArrayList<>(captures);
            captures.clear();
            return all;
        }
    }

    /** How many times each watched class was retransformed since the last {@link #drain}. */
    static Map<String, Integer> retransformed() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Capture c : drain()) {
            counts.merge(c.name, 1, Integer::sum);
        }
        return counts;
    }
}
