package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.EventSet;

import java.util.ArrayList;
import java.util.List;

/**
 * DISABLE marks and restart. A mark is a tool's bit in the disabled set of a location (a bytecode slot's byte in
 * its {@link ProbeClass}, or an injected {@link Site}'s field); each tool also keeps the list of locations it marked
 * ({@link ToolState#disabled}, {@link ToolState#disabledSlots}), so that {@code restartEvents(tool)} costs in
 * proportion to what that tool disabled (S29) and touches no other tool's marks. Callers hold the Control lock.
 *
 * <p>A call's EXTERNAL_RETURN and EXTERNAL_RAISE follow its CALL (S18): DISABLE of a CALL marks them at the same
 * call for the same tool, as in CPython, where C_RETURN and C_RAISE go to the tools that CALL goes to at that
 * instruction. An injected ancillary site made after that DISABLE starts marked ({@link #inherit}); a bytecode
 * call's ancillary slots are allocated and published with its CALL slot (they share CALL's demand bit), so none
 * can appear after it.
 */
final class Marks {

    /** The events that follow CALL's marks at their call: EXTERNAL_RETURN, EXTERNAL_RAISE. */
    private static final List<Event<?>> ANCILLARY = EventSet.ANCILLARY.events();

    private final SiteRegistry sites;
    private final ToolState[] tools;

    Marks(SiteRegistry sites, ToolState[] tools) {
        this.sites = sites;
        this.tools = tools;
    }

    /** Marks a site disabled for a tool that wants it there (S18); a second DISABLE of it changes nothing. */
    void disable(Site site, ToolState tool) {
        if (mark(site, tool) && site.event == Event.CALL) {
            for (Event<?> event : ANCILLARY) {
                Site ancillary = site.unit.site(new SiteKey(event.ordinal(), site.offset, -1));
                if (ancillary != null) {
                    mark(ancillary, tool);
                }
            }
        }
    }

    /** @return whether the site was marked now */
    private static boolean mark(Site site, ToolState tool) {
        int bit = 1 << tool.id;
        if ((site.disabled & bit) == 0 && MaskRule.wants(tool, site.unit, site.event)) {
            site.disabled |= bit;
            tool.disabled.add(site);
            site.setMaskLocked(site.mask & ~bit); // only this tool's bit changes
            return true;
        }
        return false;
    }

    /** Marks a bytecode slot disabled for a tool that wants it there, likewise. */
    void disable(ProbeClass probeClass, int slot, ToolState tool) {
        if (mark(probeClass, slot, tool) && probeClass.eventOf(slot) == Event.CALL) {
            long descriptor = probeClass.descriptor(slot);
            for (Event<?> event : ANCILLARY) {
                int ancillary = probeClass.slotAt(ProbeClass.unitIndex(descriptor), event,
                        ProbeClass.offset(descriptor));
                if (ancillary >= 0) {
                    mark(probeClass, ancillary, tool);
                }
            }
        }
    }

    /** @return whether the slot was marked now */
    private static boolean mark(ProbeClass probeClass, int slot, ToolState tool) {
        int bit = 1 << tool.id;
        int marked = probeClass.disabledOf(slot);
        if ((marked & bit) == 0 && MaskRule.wants(tool, probeClass.unit(slot), probeClass.eventOf(slot))) {
            probeClass.setDisabled(slot, marked | bit);
            tool.disabledSlots.add(probeClass.id(), slot);
            probeClass.setMask(slot, probeClass.maskOf(slot) & ~bit);
            return true;
        }
        return false;
    }

    /**
     * An injected site of an ancillary event takes the marks of its call's CALL site, if it has one (a site made
     * after that DISABLE). Marks it already has stay; a restart lifts both.
     */
    void inherit(Site site) {
        if (site.event.kind() != Event.Kind.ANCILLARY) {
            return;
        }
        Site call = site.unit.site(new SiteKey(Event.CALL.ordinal(), site.offset, -1));
        if (call != null) {
            for (int marked = call.disabled; marked != 0; marked &= marked - 1) {
                mark(site, tools[Integer.numberOfTrailingZeros(marked)]);
            }
        }
    }

    /**
     * Lifts every mark of the tool and nothing else (S29). Only the tool's own bit of each location can change, so
     * each costs one test of the mask rule for that tool, not for all of them: per-test contexts restart often.
     */
    void restart(ToolState tool) {
        int bit = 1 << tool.id;
        List<Site> disabled = tool.disabled;
        for (int i = 0, n = disabled.size(); i < n; i++) {
            Site site = disabled.get(i);
            if ((site.disabled & bit) != 0) {
                site.disabled &= ~bit;
                if (MaskRule.wants(tool, site.unit, site.event)) {
                    site.setMaskLocked(site.mask | bit);
                }
            }
        }
        disabled.clear();
        SlotMarks slots = tool.disabledSlots;
        for (int i = 0, n = slots.size(); i < n; i++) {
            ProbeClass probeClass = sites.probeClass(slots.classId(i));
            int slot = slots.slot(i);
            int marked = probeClass.disabledOf(slot);
            if ((marked & bit) != 0) {
                probeClass.setDisabled(slot, marked & ~bit);
                if (MaskRule.wants(tool, probeClass.unit(slot), probeClass.eventOf(slot))) {
                    probeClass.setMask(slot, probeClass.maskOf(slot) | bit);
                }
            }
        }
        slots.clear();
    }

    /** Drops the tool's marks on locations where it no longer wants the event (S31), and compacts its lists. */
    void dropStale(ToolState tool) {
        int bit = 1 << tool.id;
        List<Site> kept = new ArrayList<>();
        for (Site site : tool.disabled) {
            if ((site.disabled & bit) == 0) {
                continue;
            }
            if ((MaskRule.effectiveEvents(tool, site.unit) & site.controlBit) == 0) {
                site.disabled &= ~bit;
                sites.refresh(site);
            } else {
                kept.add(site);
            }
        }
        tool.disabled.clear();
        tool.disabled.addAll(kept);
        tool.disabledSlots.retain((classId, slot) -> {
            ProbeClass probeClass = sites.probeClass(classId);
            int marked = probeClass.disabledOf(slot);
            if ((marked & bit) == 0) {
                return false;
            }
            Unit unit = probeClass.unit(slot);
            Event<?> event = probeClass.eventOf(slot);
            if ((MaskRule.effectiveEvents(tool, unit) & Events.controlBit(event)) == 0) {
                probeClass.setDisabled(slot, marked & ~bit);
                sites.refreshSlot(probeClass, slot);
                return false;
            }
            return true;
        });
    }

    /** Forgets the tool's marks without recomputing masks: the caller recomputes the locations of its events. */
    void forget(ToolState tool) {
        int bit = 1 << tool.id;
        for (Site site : tool.disabled) {
            site.disabled &= ~bit;
        }
        tool.disabled.clear();
        SlotMarks slots = tool.disabledSlots;
        for (int i = 0, n = slots.size(); i < n; i++) {
            ProbeClass probeClass = sites.probeClass(slots.classId(i));
            int slot = slots.slot(i);
            probeClass.setDisabled(slot, probeClass.disabledOf(slot) & ~bit);
        }
        slots.clear();
    }
}
