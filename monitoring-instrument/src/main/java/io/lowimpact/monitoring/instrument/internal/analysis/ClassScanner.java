package io.lowimpact.monitoring.instrument.internal.analysis;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Visits a class as {@link OffsetClassReader} reads it: records its name, version and source information, and
 * scans each method that has code with a {@link MethodScanner}. Every visit goes on to the next visitor, if any.
 */
final class ClassScanner extends ClassVisitor {

    private final OffsetClassReader reader;
    /** By method, in the order the reader visits them: its code length, or -1 without code. */
    private final int[] codeLengths;
    private int methodIndex;
    private final List<MethodAnalysis> methods = new ArrayList<>();
    private final DottedNames dotted = new DottedNames();
    private int version;
    private int access;
    private String internalName;
    private String sourceFile;
    private String sourceDebugExtension;
    private Smap smap;
    private SourcePositions sourcePositions;

    ClassScanner(OffsetClassReader reader, int[] codeLengths, ClassVisitor next) {
        super(Opcodes.ASM9, next);
        this.reader = reader;
        this.codeLengths = codeLengths;
    }

    @Override
    public void visit(int classVersion, int classAccess, String name, String signature, String superName,
            String[] interfaces) {
        this.version = classVersion;
        this.access = classAccess;
        this.internalName = name;
        super.visit(classVersion, classAccess, name, signature, superName, interfaces);
    }

    @Override
    public void visitSource(String source, String debug) {
        this.sourceFile = source;
        this.sourceDebugExtension = debug;
        if (debug != null && debug.startsWith("SMAP")) {
            try {
                this.smap = SmapParser.parse(debug);
            } catch (IllegalArgumentException e) {
                this.smap = null; // a malformed SMAP maps nothing; the class is still analysed
            }
        }
        super.visitSource(source, debug);
    }

    @Override
    public MethodVisitor visitMethod(int methodAccess, String name, String descriptor, String signature,
            String[] exceptions) {
        MethodVisitor next = super.visitMethod(methodAccess, name, descriptor, signature, exceptions);
        int codeLength = codeLengths[methodIndex++];
        if (codeLength < 0) {
            return next;
        }
        return new MethodScanner(reader, name, descriptor, methodAccess, codeLength, sourcePositions(), methods::add,
                dotted, next);
    }

    private SourcePositions sourcePositions() {
        if (sourcePositions == null) {
            sourcePositions = SourcePositions.of(sourceFile, smap);
        }
        return sourcePositions;
    }

    ClassAnalysis result() {
        return new ClassAnalysis(internalName, access, version & 0xFFFF, version >>> 16, sourceFile,
                sourceDebugExtension, smap, sourcePositions().sourceFiles(), methods);
    }
}
