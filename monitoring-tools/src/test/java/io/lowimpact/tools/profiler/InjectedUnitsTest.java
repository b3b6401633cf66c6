package io.lowimpact.tools.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CodeUnitSpec;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;
import org.junit.jupiter.api.Test;

/** Units defined through the injection API appear like methods. */
class InjectedUnitsTest {

    @Test
    void injectedUnitsAppearLikeMethods() {
        CodeUnit page = CodeUnit.define(CodeUnitSpec.builder("templates/page.html", "render").length(10).build());
        CodeUnit partial = CodeUnit.define(CodeUnitSpec.builder("templates/item.html", "render").length(10).build());
        Probe pageStart = Monitoring.probe(page, Event.METHOD_START, 0);
        Probe pageReturn = Monitoring.probe(page, Event.METHOD_RETURN, 9);
        Probe itemStart = Monitoring.probe(partial, Event.METHOD_START, 0);
        Probe itemReturn = Monitoring.probe(partial, Event.METHOD_RETURN, 9);

        TestClock.now = 0;
        Profiler profiler = Profiler.builder().clock(TestClock::read).start();
        try {
            pageStart.fire();
            TestClock.now += 2;
            for (int i = 0; i < 3; i++) {
                itemStart.fire();
                TestClock.now += 5;
                itemReturn.fireReturn(Monitoring.MISSING);
            }
            pageReturn.fireReturn("<html>");
        } finally {
            profiler.stop();
        }
        Profile p = profiler.snapshot();
        MethodStats item = p.method("templates/item.html.render");
        assertEquals(3, item.count());
        assertEquals(15, item.inclusiveNanos());
        assertEquals(15, item.selfNanos());
        MethodStats render = p.method("templates/page.html.render");
        assertEquals(1, render.count());
        assertEquals(17, render.inclusiveNanos());
        assertEquals(2, render.selfNanos());
        assertEquals("[main];templates/page.html.render 2\n"
                + "[main];templates/page.html.render;templates/item.html.render 15\n", p.collapsed());
    }
}
