package io.lowimpact.monitoring.core.internal;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The bootstrap methods of the {@code invokedynamic} probes that the instrumenter writes into classes. Every
 * class loader must see this class (the agent puts the runtime on the boot class path). Probes pass only
 * dynamic values; everything static (unit, event, offset, edge) is a bootstrap argument and lives in the site.
 */
public final class Bootstrap {

    private Bootstrap() {
    }

    /**
     * Links a probe of one event at one offset (or jump edge).
     *
     * @param lookup the caller (unused: sites are not private to a class)
     * @param name any name (the instrumenter uses the event's name, for readable {@code javap})
     * @param type {@code ()void}, or {@code (T)void} with the return value, exception or call argument
     * @param unitId the unit
     * @param event the event's ordinal
     * @param offset the offset, or a jump's {@code from}
     * @param to a jump's destination, else -1
     * @return the site's call site
     */
    public static CallSite probe(MethodHandles.Lookup lookup, String name, MethodType type, int unitId, int event,
            int offset, int to) {
        try {
            return Linker.linkProbe(Control.INSTANCE, unitId, event, offset, to, type);
        } catch (Throwable e) {
            return unlinked(type, "probe of event " + event + " at offset " + offset + " of unit " + unitId, e);
        }
    }

    /**
     * Links an EXTERNAL_RETURN or EXTERNAL_RAISE probe of a virtual or interface call: the site fires only when
     * the receiver's class resolves the call to code that is not instrumented ({@link Externals}).
     *
     * @param lookup the caller (unused)
     * @param name any name
     * @param type {@code (Object)void}: the receiver
     * @param unitId the unit
     * @param event the event's ordinal
     * @param offset the call's offset
     * @return the site's call site
     */
    public static CallSite dispatchedCall(MethodHandles.Lookup lookup, String name, MethodType type, int unitId,
            int event, int offset) {
        try {
            return Linker.linkDispatchedCall(Control.INSTANCE, unitId, event, offset, type);
        } catch (Throwable e) {
            return unlinked(type, "call probe of event " + event + " at offset " + offset + " of unit " + unitId, e);
        }
    }

    /**
     * Links the probe of a conditional branch or switch: its operands are passed, the edge taken fires.
     *
     * @param lookup the caller (unused)
     * @param name any name
     * @param type the operand types of the instruction, returning void
     * @param unitId the unit
     * @param from the branch instruction's offset
     * @param opcode the instruction's opcode
     * @param keysAndTargets for switches: pairs of case key and target offset, keys ascending, keys whose
     *        target is the default omitted; empty for ifs
     * @return the group's call site
     */
    public static CallSite branch(MethodHandles.Lookup lookup, String name, MethodType type, int unitId, int from,
            int opcode, int... keysAndTargets) {
        try {
            return Linker.linkBranch(Control.INSTANCE, unitId, from, opcode, keysAndTargets, type);
        } catch (Throwable e) {
            return unlinked(type, "branch probe at offset " + from + " of unit " + unitId, e);
        }
    }

    /**
     * A probe that cannot be linked must not break the application: it becomes a no-op, with one warning.
     */
    private static CallSite unlinked(MethodType type, String what, Throwable error) {
        try {
            System.getLogger("io.lowimpact.monitoring").log(System.Logger.Level.WARNING,
                    "cannot link " + what + "; it will not fire", error);
        } catch (Throwable ignored) {
            // Logging must not fail the link either.
        }
        return new ConstantCallSite(MethodHandles.empty(type));
    }
}
