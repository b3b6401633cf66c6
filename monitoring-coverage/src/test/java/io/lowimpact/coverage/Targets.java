package io.lowimpact.coverage;

import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.instrument.OfflineInstrumenter;
import io.lowimpact.monitoring.instrument.testing.DefiningLoader;

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

    private static final EventSet EVENTS = EventSet.of(Event.LINE).union(EventSet.BRANCH);

    private Targets() {
    }

    /** @return a fresh loader that instruments the targets */
    public static ClassLoader loader() {
        return new DefiningLoader("coverage-targets", Targets.class.getClassLoader(),
                name -> name.startsWith(PACKAGE) ? OfflineInstrumenter.instrument(classFile(name), EVENTS) : null);
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
        return DefiningLoader.classFile(Targets.class.getClassLoader(), className);
    }
}
