package io.lowimpact.monitoring.instrument.internal.analysis;

import io.lowimpact.monitoring.CallTarget;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;

/**
 * An invoke instruction, the location of CALL and of its ancillary events EXTERNAL_RETURN and EXTERNAL_RAISE.
 *
 * <p>The target of an {@code invokedynamic} has the <em>bootstrap method's owner</em> as its owner
 * ({@code java.lang.invoke.LambdaMetafactory}, {@code java.lang.invoke.StringConcatFactory},
 * {@code java.lang.runtime.ObjectMethods}...), with the call site's own name and descriptor: that tells a tool what
 * kind of dynamic call it is, which the enclosing class (known from the code unit anyway) would not.
 *
 * @param offset the instruction's offset
 * @param target owner (dotted binary name, as {@link Class#getName()} spells it, arrays included), name,
 *     descriptor and kind
 * @param arg0 what the CALL event's {@code arg0} is for this call
 */
public record InvokeSite(int offset, CallTarget target, Arg0 arg0) {

    /** What a call passes as the CALL event's {@code arg0}: the receiver, else the first argument, else nothing. */
    public enum Arg0 {
        /** The receiver ({@code invokevirtual}, {@code invokeinterface}, {@code invokespecial} of a method). */
        RECEIVER,
        /**
         * The first argument: static and dynamic calls with arguments, and constructor calls with arguments,
         * whose receiver is not initialised yet and must not escape.
         */
        FIRST_ARGUMENT,
        /** Nothing ({@code Monitoring.MISSING}): no receiver that may escape, and no argument. */
        NONE
    }

    /** @return whether the call has an {@code arg0}, a receiver or at least one argument */
    public boolean hasArg0() {
        return arg0 != Arg0.NONE;
    }

    static InvokeSite ofMethod(int offset, int opcode, String owner, String name, String descriptor,
            DottedNames dotted) {
        CallTarget.Kind kind;
        Arg0 arg0;
        switch (opcode) {
            case Opcodes.INVOKEVIRTUAL:
                kind = CallTarget.Kind.VIRTUAL;
                arg0 = Arg0.RECEIVER;
                break;
            case Opcodes.INVOKEINTERFACE:
                kind = CallTarget.Kind.INTERFACE;
                arg0 = Arg0.RECEIVER;
                break;
            case Opcodes.INVOKESPECIAL:
                kind = CallTarget.Kind.SPECIAL;
                arg0 = "<init>".equals(name) ? firstArgument(descriptor) : Arg0.RECEIVER;
                break;
            case Opcodes.INVOKESTATIC:
                kind = CallTarget.Kind.STATIC;
                arg0 = firstArgument(descriptor);
                break;
            default:
                throw new IllegalArgumentException("invalid invoke opcode " + opcode + " (must be 182 to 185)");
        }
        return new InvokeSite(offset, new CallTarget(dotted.of(owner), name, descriptor, kind), arg0);
    }

    static InvokeSite ofDynamic(int offset, String name, String descriptor, Handle bootstrap, DottedNames dotted) {
        CallTarget target = new CallTarget(dotted.of(bootstrap.getOwner()), name, descriptor, CallTarget.Kind.DYNAMIC);
        return new InvokeSite(offset, target, firstArgument(descriptor));
    }

    private static Arg0 firstArgument(String descriptor) {
        return descriptor.length() > 1 && descriptor.charAt(1) != ')' ? Arg0.FIRST_ARGUMENT : Arg0.NONE;
    }
}
