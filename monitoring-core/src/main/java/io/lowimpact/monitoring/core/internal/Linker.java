package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.Branch;
import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.Event;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodType;

/**
 * Links the {@code invokedynamic} probes of instrumented bytecode ({@link Bootstrap}) to their sites: finds or
 * makes each site in the {@link Control} and gives back its call site, typed as the probe instruction asks.
 */
final class Linker {

    private Linker() {
    }

    /** Links a bytecode probe ({@link Bootstrap#probe}). */
    static CallSite linkProbe(Control control, int unitId, int eventOrdinal, int offset, int to, MethodType type) {
        Unit unit = unitForLink(control, unitId);
        Event<?> event = Event.ofOrdinal(eventOrdinal);
        int line = event == Event.LINE ? unit.lineAt(offset) : -1;
        CallTarget target = event.kind() == Event.Kind.ANCILLARY || event == Event.CALL ? unit.callTargetAt(offset) : null;
        Site site = control.site(unit, event, offset, to, line, target);
        return control.locked(() -> site.callSiteLocked(type, true));
    }

    /** Links the EXTERNAL_* probe of a virtual or interface call ({@link Bootstrap#dispatchedCall}). */
    static CallSite linkDispatchedCall(Control control, int unitId, int eventOrdinal, int offset, MethodType type) {
        Unit unit = unitForLink(control, unitId);
        Event<?> event = Event.ofOrdinal(eventOrdinal);
        if (event.kind() != Event.Kind.ANCILLARY) {
            throw new IllegalArgumentException(event + " is not a call's ancillary event");
        }
        Site site = control.site(unit, event, offset, -1, -1, unit.callTargetAt(offset));
        return control.locked(() -> {
            site.resolveReceiver = true;
            return site.callSiteLocked(type, true);
        });
    }

    /** Links a bytecode branch or switch probe ({@link Bootstrap#branch}). */
    static CallSite linkBranch(Control control, int unitId, int from, int opcode, int[] keysAndTargets, MethodType type) {
        Unit unit = unitForLink(control, unitId);
        Branch branch = unit.branchAt(from);
        if (branch == null) {
            throw new IllegalArgumentException("no branch at offset " + from + " of code unit " + unit);
        }
        Site left = control.site(unit, Event.BRANCH_LEFT, from, branch.left(), -1, null);
        int[] keys = null;
        Site[] rights;
        if (opcode == EdgeGroup.TABLESWITCH || opcode == EdgeGroup.LOOKUPSWITCH) {
            keys = new int[keysAndTargets.length / 2];
            rights = new Site[keys.length];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = keysAndTargets[2 * i];
                rights[i] = control.site(unit, Event.BRANCH_RIGHT, from, keysAndTargets[2 * i + 1], -1, null);
            }
        } else {
            rights = new Site[] {control.site(unit, Event.BRANCH_RIGHT, from, branch.rights()[0], -1, null)};
        }
        int[] finalKeys = keys;
        return control.locked(() -> new EdgeGroup(opcode, left, rights, finalKeys, type).callSite());
    }

    private static Unit unitForLink(Control control, int unitId) {
        Unit unit = control.units().byId(unitId);
        if (unit == null) {
            throw new IllegalArgumentException("no code unit " + unitId);
        }
        return unit;
    }
}
