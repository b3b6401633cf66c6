package io.lowimpact.monitoring.core.conformance;

import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CodeUnitSpec;
import io.lowimpact.monitoring.Monitoring;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Isolation for conformance tests: the runtime is a JVM-wide singleton, so every test starts and ends with
 * tool ids 0..5 free, and defines fresh code units with unique names.
 */
abstract class ConformanceBase {

    private static final AtomicInteger UNITS = new AtomicInteger();

    final Recorder rec = new Recorder();

    @BeforeEach
    void freeToolsBefore() {
        freeAllTools();
    }

    @AfterEach
    void freeToolsAfter() {
        freeAllTools();
    }

    static void freeAllTools() {
        for (int i = Monitoring.MIN_TOOL_ID; i <= Monitoring.MAX_TOOL_ID; i++) {
            Monitoring.freeToolId(i);
        }
    }

    /** @return a unique namespace for a unit defined by this test */
    static String freshClassName() {
        return "conf.t" + UNITS.incrementAndGet();
    }

    /**
     * The page of the README's example: offsets 0..29, line 1 on {@code [0, 10)}, line 2 on {@code [10, 30)}, one branch
     * {@code 10 -> 20 (left) / 25 (right)}, source file {@code page.tmpl}. Recorded as {@code alias}.
     */
    CodeUnit page(String alias) {
        return rec.alias(CodeUnit.define(CodeUnitSpec.builder(freshClassName(), "render").sourceFile("page.tmpl")
                .length(30).line(0, 10, 1).line(10, 30, 2).branch(10, 20, 25).build()), alias);
    }

    /** @return {@code "code unit <class>.<method>"} as exception messages name a unit */
    static String name(CodeUnit unit) {
        return unit.className() + "." + unit.methodName();
    }
}
