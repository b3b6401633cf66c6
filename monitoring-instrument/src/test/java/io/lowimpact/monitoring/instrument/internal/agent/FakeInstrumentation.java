package io.lowimpact.monitoring.instrument.internal.agent;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * An {@link Instrumentation} with a fixed list of loaded classes that records retransformation calls and can be
 * told to refuse some classes (a call naming one fails as a whole, as the JVM's does).
 */
final class FakeInstrumentation implements Instrumentation {

    final List<Class<?>> loaded = new ArrayList<>();
    final Set<Class<?>> unmodifiable = new HashSet<>();
    final Set<Class<?>> refused = new HashSet<>();
    /** Each successful or failed call, as the list of its classes. */
    final List<List<Class<?>>> calls = new ArrayList<>();
    /** Classes retransformed by a successful call, in order. */
    final List<Class<?>> retransformed = new ArrayList<>();
    /** Run at the start of each call, to simulate work that changes the demand. */
    Runnable duringRetransform = () -> { };

    FakeInstrumentation(Class<?>... classes) {
        loaded.addAll(List.of(classes));
    }

    @Override
    public Class<?>[] getAllLoadedClasses() {
        return loaded.toArray(new Class<?>[0]);
    }

    @Override
    public boolean isModifiableClass(Class<?> theClass) {
        return !unmodifiable.contains(theClass);
    }

    @Override
    public void retransformClasses(Class<?>... classes) throws UnmodifiableClassException {
        calls.add(List.of(classes));
        duringRetransform.run();
        for (Class<?> c : classes) {
            if (refused.contains(c)) {
                throw new VerifyError("refused " + c.getName());
            }
        }
        retransformed.addAll(List.of(classes));
    }

    @Override
    public boolean isRetransformClassesSupported() {
        return true;
    }

    @Override
    public void addTransformer(ClassFileTransformer transformer, boolean canRetransform) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void addTransformer(ClassFileTransformer transformer) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean removeTransformer(ClassFileTransformer transformer) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isRedefineClassesSupported() {
        return false;
    }

    @Override
    public void redefineClasses(ClassDefinition... definitions) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Class<?>[] getInitiatedClasses(ClassLoader loader) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long getObjectSize(Object objectToSize) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void appendToBootstrapClassLoaderSearch(JarFile jarfile) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void appendToSystemClassLoaderSearch(JarFile jarfile) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isNativeMethodPrefixSupported() {
        return false;
    }

    @Override
    public void setNativeMethodPrefix(ClassFileTransformer transformer, String prefix) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void redefineModule(Module module, Set<Module> extraReads, Map<String, Set<Module>> extraExports,
            Map<String, Set<Module>> extraOpens, Set<Class<?>> extraUses, Map<Class<?>, List<Class<?>>> extraProvides) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isModifiableModule(Module module) {
        return true;
    }
}
