package io.lowimpact.monitoring.instrument.internal;

import io.lowimpact.monitoring.core.internal.JdkPackages;

/**
 * The engine's name for the JDK's packages. The list itself is the core's {@link JdkPackages}, which the agent's
 * filter and the offline API use directly.
 */
public final class JdkClasses {

    private JdkClasses() {
    }

    /**
     * @param className a binary ({@code a.b.C}) or internal ({@code a/b/C}) class name
     * @return whether it lies in one of the JDK's packages ({@link JdkPackages#contains})
     */
    public static boolean contains(String className) {
        return JdkPackages.contains(className);
    }
}
