package io.lowimpact.monitoring.instrument.internal.analysis;

import java.util.List;
import java.util.Optional;

/**
 * The analysis of one class file: its identity, version and source information, and one {@link MethodAnalysis}
 * per method that has code, in class-file order. Immutable.
 */
public final class ClassAnalysis {

    private final String internalName;
    private final int access;
    private final int majorVersion;
    private final int minorVersion;
    private final String sourceFile;
    private final String sourceDebugExtension;
    private final Smap smap;
    private final List<String> sourceFiles;
    private final List<MethodAnalysis> methods;

    ClassAnalysis(String internalName, int access, int majorVersion, int minorVersion, String sourceFile,
            String sourceDebugExtension, Smap smap, List<String> sourceFiles, List<MethodAnalysis> methods) {
        this.internalName = internalName;
        this.access = access;
        this.majorVersion = majorVersion;
        this.minorVersion = minorVersion;
        this.sourceFile = sourceFile;
        this.sourceDebugExtension = sourceDebugExtension;
        this.smap = smap;
        this.sourceFiles = List.copyOf(sourceFiles);
        this.methods = List.copyOf(methods);
    }

    /** @return the internal name ({@code "java/util/ArrayList"}) */
    public String internalName() {
        return internalName;
    }

    /** @return the binary name ({@code "java.util.ArrayList"}), as {@code CodeUnit.className()} gives it */
    public String className() {
        return internalName.replace('/', '.');
    }

    /** @return the class's access flags ({@code Opcodes.ACC_*}) */
    public int access() {
        return access;
    }

    /** @return the class file's major version (61 for Java 17) */
    public int majorVersion() {
        return majorVersion;
    }

    /** @return the class file's minor version */
    public int minorVersion() {
        return minorVersion;
    }

    /** @return whether the class file may hold {@code invokedynamic} (major version 51 or later) */
    public boolean invokedynamicAllowed() {
        return majorVersion >= ClassSupport.INVOKEDYNAMIC_MAJOR_VERSION;
    }

    /** @return the SourceFile attribute, or null */
    public String sourceFile() {
        return sourceFile;
    }

    /** @return the SourceDebugExtension attribute's text, or null */
    public String sourceDebugExtension() {
        return sourceDebugExtension;
    }

    /**
     * @return the SMAP that the SourceDebugExtension holds; empty without one, when the extension is not an SMAP
     *     (does not start with {@code "SMAP"}) or when it is malformed (then positions are not mapped)
     */
    public Optional<Smap> smap() {
        return Optional.ofNullable(smap);
    }

    /**
     * @return the files that the methods' {@link MethodAnalysis#positions()} point into (spec.md S27): the SMAP
     *     default stratum's file names where the class has one, else the SourceFile, else none
     */
    public List<String> sourceFiles() {
        return sourceFiles;
    }

    /** @return the methods that have code, in class-file order */
    public List<MethodAnalysis> methods() {
        return methods;
    }

    /**
     * @param name a method's name
     * @param descriptor its descriptor
     * @return that method's analysis, when it exists and has code
     */
    public Optional<MethodAnalysis> method(String name, String descriptor) {
        for (MethodAnalysis method : methods) {
            if (method.name().equals(name) && method.descriptor().equals(descriptor)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return className() + " (version " + majorVersion + "." + minorVersion + ", " + methods.size() + " methods with code)";
    }
}
