package io.lowimpact.monitoring.instrument.internal.analysis;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;

/**
 * Tells RAISE from RERAISE: which {@code athrow} instructions rethrow the exception that their own handler caught.
 *
 * <p>CPython fires RERAISE for the implicit rethrow at the end of {@code finally} and {@code with} blocks, and
 * RAISE for an explicit {@code raise e}. The javac equivalents of the implicit ones are the rethrows it generates
 * for {@code finally}, {@code synchronized} blocks and try-with-resources; {@code catch (E e) { log(e); throw e; }}
 * is an explicit {@code throw} statement and stays a RAISE.
 *
 * <p>The rule, on the instructions in offset order (a linear heuristic, no control-flow analysis): an
 * {@code athrow} at offset {@code t} is a reraise iff
 * <ol>
 *   <li>the instruction just before it is {@code aload n} (any form), at offset {@code p};</li>
 *   <li>some handler starts with {@code astore n} at an offset {@code h < p}; take the greatest such {@code h};</li>
 *   <li>no instruction strictly between {@code h} and {@code p} stores into local {@code n} (an {@code lstore} or
 *       {@code dstore} into {@code n - 1} counts, it overwrites two slots); and</li>
 *   <li>either an exception-table entry with handler {@code h} catches any exception (catch type null: javac's
 *       {@code finally} and {@code synchronized}), or no LineNumberTable entry starts at {@code p}. javac starts a
 *       line entry at every {@code throw} statement the source has on a new line, but gives the rethrow it generates
 *       for try-with-resources (whose handler catches {@code Throwable}) none.</li>
 * </ol>
 * Known limits: an explicit rethrow written on the same line as the {@code catch} that precedes it, or in a method
 * compiled without line numbers, counts as a reraise; rethrows that other compilers generate in other shapes count
 * as raises.
 */
final class RethrowDetector {

    private RethrowDetector() {
    }

    /**
     * @param instructions the method's instructions
     * @param handlers its exception table
     * @param lines its line table
     * @return one site per {@code athrow}, in offset order
     */
    static List<ThrowSite> throwSites(Instructions instructions, List<ExceptionHandler> handlers, LineTable lines) {
        List<ThrowSite> sites = new ArrayList<>();
        for (int i = 0; i < instructions.count(); i++) {
            if (instructions.opcode(i) == Opcodes.ATHROW) {
                sites.add(new ThrowSite(instructions.offset(i), isReraise(instructions, i, handlers, lines)));
            }
        }
        return List.copyOf(sites);
    }

    private static boolean isReraise(Instructions insns, int athrow, List<ExceptionHandler> handlers, LineTable lines) {
        int load = athrow - 1;
        if (load < 0 || insns.opcode(load) != Opcodes.ALOAD) {
            return false;
        }
        int slot = insns.variable(load);
        int loadOffset = insns.offset(load);
        int handlerIndex = -1;
        for (ExceptionHandler handler : handlers) {
            int index = insns.indexOf(handler.handler());
            if (index >= 0 && index < load && index > handlerIndex
                    && insns.opcode(index) == Opcodes.ASTORE && insns.variable(index) == slot) {
                handlerIndex = index;
            }
        }
        if (handlerIndex < 0) {
            return false;
        }
        for (int i = handlerIndex + 1; i < load; i++) {
            if (storesInto(insns, i, slot)) {
                return false;
            }
        }
        int handlerOffset = insns.offset(handlerIndex);
        for (ExceptionHandler handler : handlers) {
            if (handler.handler() == handlerOffset && handler.catchesAny()) {
                return true;
            }
        }
        return !lines.startsEntry(loadOffset);
    }

    private static boolean storesInto(Instructions insns, int index, int slot) {
        int opcode = insns.opcode(index);
        if (opcode < Opcodes.ISTORE || opcode > Opcodes.ASTORE) {
            return false;
        }
        int first = insns.variable(index);
        int size = opcode == Opcodes.LSTORE || opcode == Opcodes.DSTORE ? 2 : 1;
        return first <= slot && slot < first + size;
    }
}
