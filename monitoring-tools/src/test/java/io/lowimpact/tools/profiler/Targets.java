package io.lowimpact.tools.profiler;

import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.instrument.OfflineInstrumenter;
import io.lowimpact.monitoring.instrument.testing.DefiningLoader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Loads instrumented copies of the target programs ({@code targets} package) in a fresh child-first loader, with
 * probes for every event. Only the targets count as instrumented: calls to anything else (the JDK,
 * {@link TestClock#external}) fire {@code EXTERNAL_RETURN}/{@code EXTERNAL_RAISE}.
 */
final class Targets {

    static final String PACKAGE = "io.lowimpact.tools.profiler.targets.";

    private Targets() {
    }

    /** @return the instrumented copy of a target class, in a fresh loader */
    static Class<?> load(Class<?> target) {
        try {
            return Class.forName(target.getName(), true, loader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a fresh loader that instruments the targets; only they count as instrumented */
    private static ClassLoader loader() {
        ClassLoader parent = Targets.class.getClassLoader();
        return new DefiningLoader("profiler-targets", parent, name -> name.startsWith(PACKAGE)
                ? OfflineInstrumenter.instrument(DefiningLoader.classFile(parent, name), EventSet.ALL,
                        internal -> internal.startsWith(PACKAGE.replace('.', '/')))
                : null);
    }

    /** Calls a public static method without arguments of an instrumented target; returns what it returned. */
    static Object run(Class<?> instrumented, String method) {
        try {
            Method m = instrumented.getMethod(method);
            return m.invoke(null);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("target threw", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the profiler's name of a target's frame: {@code io.lowimpact.tools.profiler.targets.Class.method} */
    static String frame(Class<?> target, String method) {
        return target.getName() + "." + method;
    }
}
