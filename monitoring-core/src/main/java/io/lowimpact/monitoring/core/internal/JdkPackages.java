package io.lowimpact.monitoring.core.internal;

import java.util.List;

/**
 * The JDK's packages: not instrumented unless the agent is told to, so calls into them are "external"
 * (EXTERNAL_RETURN, EXTERNAL_RAISE). The one list for the core's receiver check ({@link Externals}), the agent's
 * filter, the engine and the offline API; it lives here because the core cannot depend on the instrumenter.
 *
 * <p>Stateless and thread-safe; nothing here allocates.
 */
public final class JdkPackages {

    /** The package roots, dotted, each with its trailing dot. */
    public static final List<String> ROOTS = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    private JdkPackages() {
    }

    /**
     * @param className a binary ({@code a.b.C}) or internal ({@code a/b/C}) class name
     * @return whether it lies in one of {@link #ROOTS}
     */
    public static boolean contains(String className) {
        return root(className) != null;
    }

    /**
     * @param className a binary or internal class name, or a prefix of one
     * @return the entry of {@link #ROOTS} it lies in, or null
     */
    public static String root(String className) {
        for (String root : ROOTS) {
            if (startsWith(className, root)) {
                return root;
            }
        }
        return null;
    }

    /**
     * @param name a binary or internal class name, or a prefix of one
     * @param dottedPrefix a prefix written with {@code .}
     * @return whether {@code name} starts with {@code dottedPrefix}, reading {@code /} in the name as {@code .}
     */
    public static boolean startsWith(String name, String dottedPrefix) {
        int n = dottedPrefix.length();
        if (name.length() < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c != dottedPrefix.charAt(i) && !(c == '/' && dottedPrefix.charAt(i) == '.')) {
                return false;
            }
        }
        return true;
    }
}
