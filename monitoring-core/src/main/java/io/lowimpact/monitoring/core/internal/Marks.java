package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.Event;

import java.util.ArrayList;
import java.util.List;

/**
 * DISABLE marks and restart. A mark is a tool's bit in the disabled set of a location (a bytecode slot's byte in
 * its {@link ProbeClass}, or an injected {@link Site}'s field); each tool also keeps the list of locations it marked
 * ({@link ToolState#disabled}, {@link ToolState#disabledSlots}), so that {@code restartEvents(tool)} costs in
 * proportion to what that tool disabled (S29) and touches no other tool's marks. Callers hold the Control lock.
 */
final class Marks {

    private final SiteRegistry sites;

    Marks(SiteRegistry sites) {
        this.sites = sites;
    }

    /** Marks a site disabled for a tool that wants it there (S18); a second DISABLE of it changes nothing. */
    void disable(Site site, ToolState tool) {
        int bit = 1 << tool.id;
        if ((site.disabled & bit) == 0 && MaskRule.wants(tool, site.unit, site.event)) {
            site.disabled |= bit;
            tool.disabled.add(site);
            site.setMaskLocked(site.mask & ~bit); // only this tool's bit changes
        }
    }

    /** Marks a bytecode slot disabled for a tool that wants it there, likewise. */
    void disable(ProbeClass probeClass, int slot, ToolState tool) {
        int bit = 1 << tool.id;
        int marked = probeClass.disabledOf(slot);
        if ((marked & bit) == 0 && MaskRule.wants(tool, probeClass.unit(slot), probeClass.eventOf(slot))) {
            probeClass.setDisabled(slot, marked | bit);
            tool.disabledSlots.add(probeClass.id(), slot);
            probeClass.setMask(slot, probeClass.maskOf(slot) & ~bit);
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
