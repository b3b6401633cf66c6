package io.lowimpact.monitoring.instrument.internal.probes;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A probe's call into the core's {@code Bootstrap}: {@code invokestatic Bootstrap.name(descriptor)}.
 *
 * @param name {@code fire} or {@code fireExternal}
 * @param descriptor the method's descriptor
 */
record Fire(String name, String descriptor) {

    void accept(MethodVisitor methodVisitor) {
        methodVisitor.visitMethodInsn(Opcodes.INVOKESTATIC, ProbeInsns.BOOTSTRAP, name, descriptor, false);
    }
}
