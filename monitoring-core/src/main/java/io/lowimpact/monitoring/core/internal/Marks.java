package io.lowimpact.monitoring.core.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * DISABLE marks and restart. A mark is a tool's bit in a site's {@link Site#disabled}; each tool also keeps the
 * list of sites it marked ({@link ToolState#disabled}), so that {@code restartEvents(tool)} costs in proportion to
 * what that tool disabled (S29) and touches no other tool's marks. Callers hold the Control lock.
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

    /**
     * Lifts every mark of the tool and nothing else (S29). Only the tool's own bit of each site can change, so each
     * site costs one test of the mask rule for that tool, not for all of them: per-test contexts restart often.
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
    }

    /** Drops the tool's marks on sites where it no longer wants the event (S31), and compacts its list. */
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
    }

    /** Forgets the tool's marks without recomputing masks: the caller recomputes the sites of its events. */
    void forget(ToolState tool) {
        int bit = 1 << tool.id;
        for (Site site : tool.disabled) {
            site.disabled &= ~bit;
        }
        tool.disabled.clear();
    }
}
