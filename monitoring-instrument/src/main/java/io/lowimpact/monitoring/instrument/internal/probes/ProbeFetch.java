package io.lowimpact.monitoring.instrument.internal.probes;

import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * How an instrumented method gets its class's mask array (see the core's {@code ProbeClass}), chosen once per
 * class by its class file version, as JaCoCo chooses its probe-array strategy: version 55 and later load it with
 * {@code ldc} of a {@code CONSTANT_Dynamic} (resolved once per class version, a constant for the JIT); older
 * versions call a static lookup. Retransformation may add neither fields nor methods, so there is no third way.
 */
abstract class ProbeFetch {

    /** The first class file version that can hold {@code CONSTANT_Dynamic} (Java 11). */
    static final int CONDY_VERSION = 55;

    private static final String MASKS_DESCRIPTOR = "(I)[B";

    final int classId;

    private ProbeFetch(int classId) {
        this.classId = classId;
    }

    /**
     * @param version the class file's major version
     * @param classId the class's probe class id
     * @return the strategy for that version
     */
    static ProbeFetch forVersion(int version, int classId) {
        return version >= CONDY_VERSION ? new Condy(classId) : new StaticCall(classId);
    }

    /** @return instructions that push the mask array ({@code byte[]}) */
    abstract InsnList load();

    /**
     * @return the constant of the class's hit array, which store probes write (deferred events), or null where the
     *         class file cannot hold one: its probes then all call the runtime
     */
    abstract ConstantDynamic hits();

    /**
     * @return the constant of the class's count array, which increment probes write (counted events), or null where
     *         the class file cannot hold one
     */
    abstract ConstantDynamic counts();

    private static final class Condy extends ProbeFetch {

        private static final Handle BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC, ProbeInsns.BOOTSTRAP, "masks",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)[B", false);

        private static final Handle HITS = new Handle(Opcodes.H_INVOKESTATIC, ProbeInsns.BOOTSTRAP, "hits",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)[B", false);

        private static final Handle COUNTS = new Handle(Opcodes.H_INVOKESTATIC, ProbeInsns.BOOTSTRAP, "counts",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)[I", false);

        private final ConstantDynamic constant;
        private final ConstantDynamic hits;
        private final ConstantDynamic counts;

        Condy(int classId) {
            super(classId);
            constant = new ConstantDynamic("masks", "[B", BOOTSTRAP, classId);
            hits = new ConstantDynamic("hits", "[B", HITS, classId);
            counts = new ConstantDynamic("counts", "[I", COUNTS, classId);
        }

        @Override
        ConstantDynamic hits() {
            return hits;
        }

        @Override
        ConstantDynamic counts() {
            return counts;
        }

        @Override
        InsnList load() {
            InsnList code = new InsnList();
            code.add(new LdcInsnNode(constant)); // stack: masks
            return code;
        }
    }

    private static final class StaticCall extends ProbeFetch {

        StaticCall(int classId) {
            super(classId);
        }

        @Override
        ConstantDynamic hits() {
            return null;
        }

        @Override
        ConstantDynamic counts() {
            return null;
        }

        @Override
        InsnList load() {
            InsnList code = new InsnList();
            code.add(ProbeInsns.push(classId));
            code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, ProbeInsns.BOOTSTRAP, "masks", MASKS_DESCRIPTOR,
                    false)); // stack: masks
            return code;
        }
    }
}
