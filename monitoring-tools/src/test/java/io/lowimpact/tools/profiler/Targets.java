package io.lowimpact.tools.profiler;

import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.instrument.OfflineInstrumenter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
            return Class.forName(target.getName(), true, new ChildFirst());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
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

    private static final class ChildFirst extends ClassLoader {

        ChildFirst() {
            super("profiler-targets", Targets.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(PACKAGE)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    byte[] bytes = OfflineInstrumenter.instrument(classFile(name), EventSet.ALL,
                            internal -> internal.startsWith(PACKAGE.replace('.', '/')));
                    c = defineClass(name, bytes, 0, bytes.length);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        private static byte[] classFile(String name) {
            String resource = name.replace('.', '/') + ".class";
            try (InputStream in = Targets.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("no class file " + resource);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
