package io.lowimpact.monitoring.instrument.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.Branch;
import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.CallTarget.Kind;
import io.lowimpact.monitoring.LineRange;
import io.lowimpact.monitoring.Position;
import io.lowimpact.monitoring.instrument.internal.analysis.InvokeSite.Arg0;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

/**
 * Expected tables written out for the target classes (javac 17 output; the targets' Javadoc says to keep their
 * layout, since the line numbers below depend on it).
 */
class ClassAnalyzerTargetsTest {

    private static final String TARGETS = TargetClasses.PACKAGE + ".";

    @Test
    void describeStraightLineCode() {
        ClassAnalysis c = TargetClasses.analyze("StraightLine");
        assertEquals(TARGETS + "StraightLine", c.className());
        assertEquals("StraightLine.java", c.sourceFile());
        assertEquals(List.of("StraightLine.java"), c.sourceFiles());
        assertEquals(61, c.majorVersion());
        assertTrue(c.invokedynamicAllowed());
        MethodAnalysis add = c.method("add", "(II)I").orElseThrow();
        assertEquals(10, add.codeLength());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, add.instructionOffsets());
        assertEquals(List.of(new LineRange(0, 4, 10), new LineRange(4, 8, 11), new LineRange(8, 10, 12)), add.lines());
        assertEquals(List.of(Position.ofLine(0, 4, 10, 0), Position.ofLine(4, 8, 11, 0), Position.ofLine(8, 10, 12, 0)),
                add.positions());
        assertEquals(10, add.firstLine());
        assertEquals(List.of(new LinePoint(0, 10), new LinePoint(4, 11), new LinePoint(8, 12)), add.linePoints());
        assertEquals(List.of(), add.branches());
        assertEquals(List.of(new ReturnSite(9, Opcodes.IRETURN)), add.returns());
        assertEquals(Opcodes.IMUL, add.opcodeAt(6));
    }

    @Test
    void listIfBranchesWithFallThroughLeftAndTargetRight() {
        MethodAnalysis sign = TargetClasses.method("IfElse", "sign", "(I)Ljava/lang/String;");
        assertEquals(List.of(new Branch(1, 4, 7), new Branch(8, 11, 14)), sign.branches());
        assertEquals(List.of(new LinePoint(0, 10), new LinePoint(4, 11), new LinePoint(7, 12), new LinePoint(11, 13),
                new LinePoint(14, 15)), sign.linePoints());
        assertEquals(List.of(6, 13, 16), sign.returns().stream().map(ReturnSite::offset).toList());
    }

    @Test
    void makeJumpTargetsInsideALineIntoLinePoints() {
        // int y = c ? a : b;  ->  0 iload_0, 1 ifeq 8, 4 iload_1, 5 goto 9, 8 iload_2, 9 istore_3 (all line 19)
        MethodAnalysis choose = TargetClasses.method("IfElse", "choose", "(ZII)I");
        assertEquals(List.of(new Branch(1, 4, 8)), choose.branches());
        assertEquals(List.of(new Jump(5, 9)), choose.jumps());
        assertEquals(List.of(new LinePoint(0, 19), new LinePoint(8, 19), new LinePoint(9, 19), new LinePoint(10, 20)),
                choose.linePoints());
        MethodAnalysis same = TargetClasses.method("IfElse", "same", "(Ljava/lang/Object;Ljava/lang/Object;)Z");
        assertEquals(List.of(new Branch(2, 5, 7), new Branch(8, 11, 23), new Branch(16, 19, 23)), same.branches());
        assertEquals(Opcodes.IF_ACMPNE, same.opcodeAt(2));
        assertEquals(Opcodes.IFNULL, same.opcodeAt(8));
        assertEquals(List.of(new Branch(1, 4, 8)), TargetClasses.method("IfElse", "isNull", "(Ljava/lang/Object;)Z").branches());
    }

    @Test
    void makeLoopHeadsLinePointsReachedByBackEdges() {
        // for (int i = 0; i < n; i++): the condition at 4 is line 13's, reached again by goto 4 from 16.
        MethodAnalysis sumTo = TargetClasses.method("Loops", "sumTo", "(I)I");
        assertEquals(List.of(new Branch(6, 9, 19)), sumTo.branches());
        assertEquals(List.of(new Jump(16, 4)), sumTo.jumps());
        assertEquals(List.of(new LinePoint(0, 12), new LinePoint(2, 13), new LinePoint(4, 13), new LinePoint(9, 14),
                new LinePoint(13, 13), new LinePoint(19, 16)), sumTo.linePoints());
        // do { n--; } while (n > 0): the back edge is the conditional's right edge.
        MethodAnalysis countDown = TargetClasses.method("Loops", "countDown", "(I)I");
        assertEquals(List.of(new Branch(4, 7, 0)), countDown.branches());
        assertEquals(List.of(), countDown.jumps());
        // continue and the loop's end both jump back to the iterator's hasNext() at 9 (line 45).
        MethodAnalysis length = TargetClasses.method("Loops", "length", "(Ljava/util/List;)I");
        assertEquals(List.of(new Jump(35, 9), new Jump(45, 9)), length.jumps());
        assertTrue(length.linePoints().contains(new LinePoint(9, 45)));
        assertEquals(new InvokeSite(10, new CallTarget("java.util.Iterator", "hasNext", "()Z", Kind.INTERFACE),
                Arg0.RECEIVER), length.calls().get(1));
    }

    @Test
    void listEachCaseTargetOnceAndLeaveTheDefaultTargetToTheLeftEdge() {
        // tableswitch 1..5: 1->36, 2->39, 3->45 (a gap: the default's target), 4->39, 5->42, default 45
        MethodAnalysis dense = TargetClasses.method("Switches", "dense", "(I)Ljava/lang/String;");
        assertEquals(Opcodes.TABLESWITCH, dense.opcodeAt(1));
        assertEquals(List.of(new Branch(1, 45, 36, 39, 42)), dense.branches());
        // lookupswitch -100->36, 1000->41 (grouped with the default), 100000->46, default 41
        MethodAnalysis sparse = TargetClasses.method("Switches", "sparse", "(I)I");
        assertEquals(Opcodes.LOOKUPSWITCH, sparse.opcodeAt(1));
        assertEquals(List.of(new Branch(1, 41, 36, 46)), sparse.branches());
        assertEquals(List.of(new Jump(38, 48), new Jump(43, 48)), sparse.jumps());
        // case 'a', 'e', 'i', 'o', 'u' -> 60; 'y' -> 64; default 68
        MethodAnalysis arrows = TargetClasses.method("Switches", "arrows", "(C)I");
        assertEquals(List.of(new Branch(1, 68, 60, 64)), arrows.branches());
        // case GREEN: case BLUE: default: -> one target with the default, so only RED's case is a right edge
        MethodAnalysis warm = TargetClasses.method("Color", "warm", "()Z");
        assertEquals(1, warm.branches().get(0).rights().length);
    }

    @Test
    void treatASwitchWithoutOwnCasesAsNeitherBranchNorJump() {
        // lookupswitch { default: 12 }
        MethodAnalysis onlyDefault = TargetClasses.method("Switches", "onlyDefault", "(I)I");
        assertEquals(Opcodes.LOOKUPSWITCH, onlyDefault.opcodeAt(1));
        assertEquals(List.of(), onlyDefault.branches());
        assertEquals(List.of(), onlyDefault.jumps());
        assertEquals(List.of(new LinePoint(0, 44), new LinePoint(12, 46)), onlyDefault.linePoints());
    }

    @Test
    void markFinallyRethrowAsReraise() {
        MethodAnalysis withFinally = TargetClasses.method("TryCatchFinally", "withFinally", "(I)I");
        assertEquals(List.of(new ExceptionHandler(0, 5, 15, null)), withFinally.handlers());
        assertEquals(List.of(new ThrowSite(24, true)), withFinally.throwSites());
        assertTrue(withFinally.linePoints().contains(new LinePoint(15, 23)), "handler start is a line point");
    }

    @Test
    void markExplicitThrowsAsRaiseAndTheFinallyRethrowAsReraise() {
        MethodAnalysis catchAndFinally = TargetClasses.method("TryCatchFinally", "catchAndFinally", "(Ljava/lang/String;)I");
        assertEquals(List.of(new ExceptionHandler(0, 5, 11, "java/lang/NumberFormatException"),
                new ExceptionHandler(0, 5, 27, null), new ExceptionHandler(11, 28, 27, null)), catchAndFinally.handlers());
        assertEquals(List.of(new ThrowSite(26, false), new ThrowSite(33, true)), catchAndFinally.throwSites());
    }

    @Test
    void markCatchThenRethrowAsRaise() {
        // catch (RuntimeException e) { log(e); throw e; }: astore_1 at 8, aload_1 at 13 starts line 54, athrow at 14
        MethodAnalysis rethrow = TargetClasses.method("TryCatchFinally", "catchThenRethrow", "(Ljava/lang/String;)V");
        assertEquals(List.of(new ExceptionHandler(0, 5, 8, "java/lang/RuntimeException")), rethrow.handlers());
        assertEquals(List.of(new ThrowSite(14, false)), rethrow.throwSites());
    }

    @Test
    void listEveryEntryOfAMultiCatch() {
        MethodAnalysis multiCatch = TargetClasses.method("TryCatchFinally", "multiCatch", "(Ljava/lang/Object;)I");
        assertEquals(List.of(new ExceptionHandler(0, 7, 8, "java/lang/ClassCastException"),
                new ExceptionHandler(0, 7, 8, "java/lang/NullPointerException")), multiCatch.handlers());
        assertEquals(List.of(), multiCatch.throwSites());
    }

    @Test
    void markTryWithResourcesRethrowsAsReraise() {
        MethodAnalysis firstChar = TargetClasses.method("TryWithResources", "firstChar", "(Ljava/lang/String;)I");
        assertEquals(List.of(new ExceptionHandler(9, 14, 20, "java/lang/Throwable"),
                new ExceptionHandler(21, 25, 28, "java/lang/Throwable")), firstChar.handlers());
        assertEquals(List.of(new ThrowSite(35, true)), firstChar.throwSites());
        MethodAnalysis two = TargetClasses.method("TryWithResources", "twoResources", "(Ljava/lang/String;Ljava/lang/String;)I");
        assertEquals(List.of(new ThrowSite(60, true), new ThrowSite(78, true)), two.throwSites());
        MethodAnalysis withCatch = TargetClasses.method("TryWithResources", "withCatch", "(Ljava/lang/String;)I");
        assertEquals(List.of(new ThrowSite(35, true)), withCatch.throwSites());
    }

    @Test
    void markSynchronizedBlockRethrowAsReraise() {
        MethodAnalysis block = TargetClasses.method("Synchronized", "incrementBlock", "()I");
        assertEquals(List.of(new ExceptionHandler(7, 20, 21, null), new ExceptionHandler(21, 24, 21, null)),
                block.handlers());
        assertEquals(List.of(new ThrowSite(25, true)), block.throwSites());
        MethodAnalysis method = TargetClasses.method("Synchronized", "incrementMethod", "()I");
        assertTrue((method.access() & Opcodes.ACC_SYNCHRONIZED) != 0);
        assertEquals(List.of(), method.handlers());
    }

    @Test
    void notPassAnUninitialisedReceiverAsArg0() {
        MethodAnalysis derived = TargetClasses.method("Constructors$Derived", "<init>", "(I)V");
        String base = TARGETS + "Constructors";
        assertEquals(List.of(
                // javac names the class through which the source refers to the static method: the subclass
                new InvokeSite(2, new CallTarget(base + "$Derived", "compute", "(I)I", Kind.STATIC), Arg0.FIRST_ARGUMENT),
                new InvokeSite(5, new CallTarget(base, "<init>", "(I)V", Kind.SPECIAL), Arg0.FIRST_ARGUMENT),
                new InvokeSite(10, new CallTarget("java.lang.invoke.StringConcatFactory", "makeConcatWithConstants",
                        "(I)Ljava/lang/String;", Kind.DYNAMIC), Arg0.FIRST_ARGUMENT)), derived.calls());
        MethodAnalysis make = TargetClasses.method("Constructors", "make", "()Ljava/lang/Object;");
        assertEquals(List.of(
                new InvokeSite(8, new CallTarget(base, "<init>", "()V", Kind.SPECIAL), Arg0.NONE),
                new InvokeSite(14, new CallTarget(base + "$Derived", "<init>", "(I)V", Kind.SPECIAL), Arg0.FIRST_ARGUMENT)),
                make.calls());
        assertFalse(make.calls().get(0).hasArg0());
        InvokeSite superCall = TargetClasses.method("Constructors", "<init>", "(I)V").calls().get(0);
        assertEquals(new CallTarget("java.lang.Object", "<init>", "()V", Kind.SPECIAL), superCall.target());
        assertEquals(Arg0.NONE, superCall.arg0());
    }

    @Test
    void giveInvokedynamicTheBootstrapOwner() {
        ClassAnalysis lambdas = TargetClasses.analyze("Lambdas");
        String factory = "java.lang.invoke.LambdaMetafactory";
        assertEquals(List.of(new InvokeSite(0, new CallTarget(factory, "run", "()Ljava/lang/Runnable;", Kind.DYNAMIC),
                Arg0.NONE)), lambdas.method("noCapture", "()Ljava/lang/Runnable;").orElseThrow().calls());
        assertEquals(List.of(new InvokeSite(1, new CallTarget(factory, "getAsInt", "(I)Ljava/util/function/IntSupplier;",
                Kind.DYNAMIC), Arg0.FIRST_ARGUMENT)),
                lambdas.method("capture", "(I)Ljava/util/function/IntSupplier;").orElseThrow().calls());
        assertEquals("java.lang.invoke.StringConcatFactory", lambdas.method("concat", "(Ljava/lang/String;I)Ljava/lang/String;")
                .orElseThrow().calls().get(0).target().owner());
        List<String> lambdaBodies = lambdas.methods().stream().map(MethodAnalysis::name)
                .filter(n -> n.startsWith("lambda$")).sorted().toList();
        assertEquals(List.of("lambda$capture$1", "lambda$nested$2", "lambda$nested$3", "lambda$noCapture$0"), lambdaBodies);
        CallTarget toString = TargetClasses.method("Point", "toString", "()Ljava/lang/String;").calls().get(0).target();
        assertEquals("java.lang.runtime.ObjectMethods", toString.owner());
        assertEquals(Kind.DYNAMIC, toString.kind());
    }

    @Test
    void analyseStaticInitialisersAndEnums() {
        MethodAnalysis clinit = TargetClasses.method("StaticInit", "<clinit>", "()V");
        assertEquals(40, clinit.codeLength());
        assertEquals(List.of(new Branch(14, 17, 31)), clinit.branches());
        assertEquals(List.of(new Jump(28, 9)), clinit.jumps());
        assertTrue(clinit.linePoints().contains(new LinePoint(9, 10)));
        ClassAnalysis color = TargetClasses.analyze("Color");
        List<String> names = color.methods().stream().map(MethodAnalysis::name).toList();
        assertTrue(names.containsAll(List.of("values", "valueOf", "<init>", "<clinit>", "warm", "rgb")), names::toString);
        MethodAnalysis warm = color.method("warm", "()Z").orElseThrow();
        assertEquals(1, warm.branches().size());
        assertEquals(Opcodes.TABLESWITCH, warm.opcodeAt(warm.branches().get(0).from()));
        ClassAnalysis point = TargetClasses.analyze("Point");
        assertEquals(List.of("<init>", "plus", "toString", "hashCode", "equals", "x", "y"),
                point.methods().stream().map(MethodAnalysis::name).toList());
        assertEquals(List.of(new ThrowSite(21, false)), point.method("<init>", "(II)V").orElseThrow().throwSites());
    }
}
