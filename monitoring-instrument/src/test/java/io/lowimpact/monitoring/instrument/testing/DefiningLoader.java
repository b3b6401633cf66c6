package io.lowimpact.monitoring.instrument.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Function;

/**
 * A child-first class loader for tests: it defines the classes it is given bytes for and takes every other class from
 * its parent, so that each test gets its own copy of them (original, instrumented or broken on purpose).
 *
 * <p>This package is the one part of this module's tests that other modules' tests use (the module's test-jar holds
 * only it).
 */
public final class DefiningLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Function<String, byte[]> bytes;

    /**
     * @param name the loader's name, or null
     * @param parent where the classes that {@code bytes} has no bytes for come from
     * @param bytes the class file to define for a binary name, or null for one of the parent's; asked once per class
     *        (the first time it is loaded)
     */
    public DefiningLoader(String name, ClassLoader parent, Function<String, byte[]> bytes) {
        super(name, parent);
        this.bytes = bytes;
    }

    /**
     * @param classes the class files to define, by binary name
     * @param parent where the other classes come from
     */
    public DefiningLoader(Map<String, byte[]> classes, ClassLoader parent) {
        this(null, parent, classes::get);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] b = bytes.apply(name);
                if (b == null) {
                    return super.loadClass(name, resolve);
                }
                c = defineClass(name, b, 0, b.length);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    /**
     * @param loader the loader whose resources hold the class file
     * @param className a binary name, {@code com.acme.Foo$Bar}
     * @return the class file of that class
     */
    public static byte[] classFile(ClassLoader loader, String className) {
        String resource = className.replace('.', '/') + ".class";
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no class file " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
