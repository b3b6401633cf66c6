package io.lowimpact.coverage;

import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.instrument.OfflineInstrumenter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Loads instrumented copies of the target programs (package {@code targets}): a fresh child-first loader per
 * {@link #loader()}, probes for LINE and BRANCH_* from {@link OfflineInstrumenter}, so the coverage tool gets real
 * bytecode events without an agent.
 */
public final class Targets {

    /** The packages of the targets (example.targets, example.validation, example.app), with a trailing dot. */
    public static final String PACKAGE = "example.";

    private Targets() {
    }

    /** @return a fresh loader that instruments the targets */
    public static ClassLoader loader() {
        return new ChildFirst(Targets.class.getClassLoader());
    }

    /** @return the instrumented copy of a target class, in a fresh loader */
    public static Class<?> load(Class<?> target) {
        try {
            return Class.forName(target.getName(), true, loader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Calls {@code run(String...)} or the only public static method of that name, returning its result. */
    public static Object call(Class<?> loaded, String name, Object... args) {
        for (Method m : loaded.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                try {
                    m.setAccessible(true);
                    return m.invoke(null, args);
                } catch (InvocationTargetException e) {
                    return e.getCause();
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException("no method " + name + " with " + args.length + " parameters in " + loaded);
    }

    /** @return a class file of the test class path */
    public static byte[] classFile(String className) {
        String resource = className.replace('.', '/') + ".class";
        try (InputStream in = Targets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no class file " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class ChildFirst extends ClassLoader {

        static {
            registerAsParallelCapable();
        }

        ChildFirst(ClassLoader parent) {
            super("coverage-targets", parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(PACKAGE)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    byte[] bytes = OfflineInstrumenter.instrument(classFile(name),
                            EventSet.of(Event.LINE).union(EventSet.BRANCH));
                    c = defineClass(name, bytes, 0, bytes.length);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
