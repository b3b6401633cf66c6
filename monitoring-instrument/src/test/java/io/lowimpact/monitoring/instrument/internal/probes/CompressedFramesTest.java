package io.lowimpact.monitoring.instrument.internal.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.instrument.OfflineInstrumenter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.util.TraceClassVisitor;

/**
 * {@link CompressedFrames} against ASM's own compression of expanded frames: the kind it picks for each case, and
 * for real classes (javac's, as they are and with every probe), the same class written both ways.
 */
class CompressedFramesTest {

    private static final FileSystem JRT = FileSystems.getFileSystem(URI.create("jrt:/"));

    @Test
    void picksTheKindAsAsmDoesStartingFromTheImplicitFrame() {
        List<String> frames = new ArrayList<>();
        MethodVisitor method = compressed(frames, Opcodes.ACC_STATIC, "m", "(JLjava/lang/String;)V");
        frame(method, new Object[] {Opcodes.LONG, "java/lang/String"}, new Object[0]);
        frame(method, new Object[] {Opcodes.LONG, "java/lang/String", Opcodes.INTEGER, "[I"}, new Object[0]);
        frame(method, new Object[] {Opcodes.LONG, "java/lang/String", Opcodes.INTEGER, "[I"},
                new Object[] {"java/lang/Throwable"});
        frame(method, new Object[] {Opcodes.LONG}, new Object[0]);
        frame(method, new Object[] {Opcodes.LONG}, new Object[] {Opcodes.INTEGER, Opcodes.INTEGER});
        frame(method, new Object[] {Opcodes.DOUBLE}, new Object[0]);
        frame(method, new Object[] {Opcodes.DOUBLE, Opcodes.TOP, Opcodes.TOP, Opcodes.TOP, Opcodes.INTEGER},
                new Object[0]);
        assertEquals(List.of(
                "SAME",
                "APPEND [I, [I]",
                "SAME1 [java/lang/Throwable]",
                "CHOP 3",
                "FULL [J] [I, I]",
                "FULL [D] []",
                "FULL [D, T, T, T, I] []"), frames);
    }

    @Test
    void anInstanceMethodStartsFromThisAndAConstructorFromUninitialisedThis() {
        List<String> frames = new ArrayList<>();
        MethodVisitor method = compressed(frames, 0, "m", "(I)V");
        frame(method, new Object[] {"p/C", Opcodes.INTEGER}, new Object[0]);
        frame(method, new Object[] {"p/D", Opcodes.INTEGER}, new Object[0]);
        MethodVisitor constructor = compressed(frames, 0, "<init>", "()V");
        frame(constructor, new Object[] {Opcodes.UNINITIALIZED_THIS}, new Object[] {Opcodes.UNINITIALIZED_THIS});
        frame(constructor, new Object[] {"p/C"}, new Object[0]);
        Label created = new Label();
        frame(constructor, new Object[] {"p/C"}, new Object[] {created});
        assertEquals(List.of("SAME", "FULL [p/D, I] []", "SAME1 [U]", "FULL [p/C] []", "SAME1 [label]"), frames);
    }

    @Test
    void refusesAFrameThatIsNotExpanded() {
        MethodVisitor method = compressed(new ArrayList<>(), Opcodes.ACC_STATIC, "m", "()V");
        assertThrows(IllegalStateException.class, () -> method.visitFrame(Opcodes.F_SAME, 0, null, 0, null));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"as compiled", "with every probe"})
    void javacsClassesCompressAsAsmCompressesThem(String form) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(JRT.getPath("/modules/jdk.compiler/com/sun/tools/javac"))) {
            files = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        int sameBytes = 0;
        List<String> differences = new ArrayList<>();
        for (Path file : files) {
            byte[] input = Files.readAllBytes(file);
            if (form.equals("with every probe")) {
                input = OfflineInstrumenter.instrument(input, EventSet.ALL, name -> true);
            }
            byte[] asm = write(input, false);
            byte[] ours = write(input, true);
            if (Arrays.equals(asm, ours)) {
                sameBytes++;
            } else if (!text(asm).equals(text(ours))) {
                differences.add(file.toString());
            }
        }
        assertEquals(List.of(), differences);
        // Only a one-stack-value frame 63 bytes after the previous one may differ in bytes (its short form).
        int same = sameBytes;
        assertTrue(same > files.size() * 99 / 100, () -> files.size() + " classes, " + same + " the same in bytes");
    }

    private static byte[] write(byte[] input, boolean compressed) {
        ClassReader reader = new ClassReader(input);
        ClassWriter writer = new ClassWriter(reader, 0);
        // Either way through a visitor of its own: a reader that hands a method straight to the writer copies it.
        ClassVisitor asm = new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature,
                        exceptions)) { };
            }
        };
        reader.accept(compressed ? CompressedFrames.around(writer) : asm, ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    /** The class as ASM's textifier prints it: instructions, frames as read (short and extended forms alike). */
    private static String text(byte[] classFile) {
        StringWriter text = new StringWriter();
        new ClassReader(classFile).accept(new TraceClassVisitor(new PrintWriter(text)), 0);
        return text.toString();
    }

    private static void frame(MethodVisitor method, Object[] locals, Object[] stack) {
        method.visitFrame(Opcodes.F_NEW, locals.length, locals, stack.length, stack);
    }

    /** A compressing visitor for one method of class {@code p/C}, recording the frames it hands on. */
    private static MethodVisitor compressed(List<String> frames, int access, String name, String descriptor) {
        ClassVisitor recorder = new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int a, String n, String d, String s, String[] e) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
                        frames.add(switch (type) {
                            case Opcodes.F_SAME -> "SAME";
                            case Opcodes.F_SAME1 -> "SAME1 " + types(stack, 1);
                            case Opcodes.F_CHOP -> "CHOP " + numLocal;
                            case Opcodes.F_APPEND -> "APPEND " + types(local, numLocal);
                            case Opcodes.F_FULL -> "FULL " + types(local, numLocal) + " " + types(stack, numStack);
                            default -> "type " + type;
                        });
                    }
                };
            }
        };
        ClassVisitor classes = CompressedFrames.around(recorder);
        classes.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "p/C", null, "java/lang/Object", null);
        return classes.visitMethod(access, name, descriptor, null, null);
    }

    private static String types(Object[] values, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Object v = values[i];
            names.add(v == Opcodes.TOP ? "T" : v == Opcodes.INTEGER ? "I" : v == Opcodes.LONG ? "J"
                    : v == Opcodes.DOUBLE ? "D" : v == Opcodes.UNINITIALIZED_THIS ? "U"
                    : v instanceof Label ? "label" : String.valueOf(v));
        }
        return names.toString();
    }
}
