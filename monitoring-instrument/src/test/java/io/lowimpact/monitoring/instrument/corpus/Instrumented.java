package io.lowimpact.monitoring.instrument.corpus;

import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.instrument.OfflineInstrumenter;
import io.lowimpact.monitoring.instrument.testing.DefiningLoader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads instrumented copies of the corpus targets. Each {@link #loader()} is a fresh child-first loader that
 * instruments, with probes for every event, each class of the {@code targets} package it is asked for (nested,
 * anonymous and synthetic classes included), so that every scenario starts from unloaded classes: static
 * initialisers run inside the scenario and their events are part of its stream.
 */
public final class Instrumented {

    /** The package of the targets, with a trailing dot. */
    public static final String TARGETS = "io.lowimpact.monitoring.instrument.corpus.targets.";

    private Instrumented() {
    }

    /** @return a fresh loader that instruments the targets package */
    public static ClassLoader loader() {
        return loader(0);
    }

    /**
     * @param version a class file version older than the targets' own (they must be {@link OldVersions#fits fit}
     *        for it)
     * @return a fresh loader that gives the targets package that version, then instruments it
     */
    public static ClassLoader loader(int version) {
        return new DefiningLoader("corpus-instrumented", Instrumented.class.getClassLoader(), name -> {
            if (!name.startsWith(TARGETS)) {
                return null;
            }
            byte[] original = version == 0 ? classFile(name) : OldVersions.downgrade(classFile(name), version);
            return OfflineInstrumenter.instrument(original, EventSet.ALL);
        });
    }

    /** @return an instrumented copy of {@code target}, in a fresh loader */
    public static Class<?> load(Class<?> target) {
        try {
            return Class.forName(target.getName(), false, loader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the class file of a class of the test class path */
    public static byte[] classFile(String className) {
        return DefiningLoader.classFile(Instrumented.class.getClassLoader(), className);
    }

    /** @return the public static method of {@code owner} called {@code name}, which must be unique */
    public static Method method(Class<?> owner, String name) {
        List<Method> found = new ArrayList<>();
        for (Method m : owner.getDeclaredMethods()) {
            if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers())) {
                found.add(m);
            }
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException("need exactly one public static " + name + " in " + owner + ": " + found);
        }
        return found.get(0);
    }

    /** The outcome of one call: the value returned, or the exception thrown. */
    public record Outcome(Object value, Throwable thrown) {

        /** @return the value, after checking that the call returned */
        public Object returned() {
            if (thrown != null) {
                throw new AssertionError("expected a return, got " + thrown, thrown);
            }
            return value;
        }
    }

    /** Calls a static method by reflection. */
    public static Outcome call(Method method, Object... args) {
        try {
            return new Outcome(method.invoke(null, args), null);
        } catch (InvocationTargetException e) {
            return new Outcome(null, e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the line numbers of the frames of target classes in a stack trace, outermost last */
    public static List<String> targetFrames(Throwable thrown) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement e : thrown.getStackTrace()) {
            if (e.getClassName().startsWith(TARGETS)) {
                frames.add(e.getClassName().substring(TARGETS.length()) + "." + e.getMethodName() + ":" + e.getLineNumber());
            }
        }
        return frames;
    }
}
