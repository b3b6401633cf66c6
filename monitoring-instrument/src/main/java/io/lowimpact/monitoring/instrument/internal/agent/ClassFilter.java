package io.lowimpact.monitoring.instrument.internal.agent;

import io.lowimpact.monitoring.core.internal.JdkPackages;

import java.util.ArrayList;
import java.util.List;

/**
 * Which classes the agent may instrument, by name. In order:
 * <ol>
 * <li>Never: classes without a name, and Lowimpact's own classes ({@code io.lowimpact.monitoring.**}, which
 *     includes the relocated ASM in {@code io.lowimpact.monitoring.instrument.internal.asm}).</li>
 * <li>Not: classes matching an {@code exclude=} glob.</li>
 * <li>If {@code include=} globs are given, only classes matching one of them.</li>
 * <li>Not, by default: the JDK's packages {@code java.**}, {@code javax.**}, {@code jdk.**}, {@code sun.**}
 *     and {@code com.sun.**}. An include glob whose text itself starts inside one of these
 *     ({@code include=java.util.**}) lifts that exclusion for the classes it matches; {@code include=**} does
 *     not.</li>
 * </ol>
 * Glob syntax: {@code **} any characters, {@code *} any characters but a package separator, {@code ?} one such
 * character; {@code .} and {@code /} both separate packages. So {@code com.acme.*} is the classes of package
 * {@code com.acme} (with their nested classes, {@code Outer$Inner}), {@code com.acme.**} also those of its
 * sub-packages, and {@code com.acme.Foo*} is {@code Foo} with its nested classes.
 *
 * <p>Immutable and thread-safe; {@link #accepts} allocates only when a glob is tested.
 */
public final class ClassFilter {

    /** Lowimpact's own packages: never instrumented. */
    static final String OWN = "io.lowimpact.monitoring.";

    /** The JDK's packages, excluded unless an include glob names them. */
    static final List<String> DEFAULT_ROOTS = JdkPackages.ROOTS;

    private final Glob[] includes;
    private final Glob[] excludes;

    private ClassFilter(List<String> includes, List<String> excludes) {
        this.includes = compile(includes);
        this.excludes = compile(excludes);
    }

    /**
     * @param options the agent options
     * @return the filter of their {@code include=} and {@code exclude=} globs
     */
    public static ClassFilter of(AgentOptions options) {
        return new ClassFilter(options.includes(), options.excludes());
    }

    private static Glob[] compile(List<String> globs) {
        List<Glob> compiled = new ArrayList<>(globs.size());
        for (String g : globs) {
            compiled.add(Glob.of(g));
        }
        return compiled.toArray(new Glob[0]);
    }

    /**
     * @param className a binary ({@code a.b.C}) or internal ({@code a/b/C}) class name; null for a class
     *        without a name
     * @return whether the agent may instrument the class
     */
    public boolean accepts(String className) {
        if (className == null || className.isEmpty() || startsWith(className, OWN)) {
            return false;
        }
        for (Glob g : excludes) {
            if (g.matches(className)) {
                return false;
            }
        }
        String root = defaultRoot(className);
        if (includes.length == 0) {
            return root == null;
        }
        for (Glob g : includes) {
            if ((root == null || root.equals(g.root())) && g.matches(className)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param name a class name or name prefix, with {@code .} or {@code /}
     * @return the entry of {@link #DEFAULT_ROOTS} it lies in, or null
     */
    static String defaultRoot(String name) {
        return JdkPackages.root(name);
    }

    private static boolean startsWith(String name, String dottedPrefix) {
        return JdkPackages.startsWith(name, dottedPrefix);
    }

    @Override
    public String toString() {
        return "ClassFilter[include=" + List.of(includes) + ", exclude=" + List.of(excludes) + "]";
    }
}
