package io.lowimpact.coverage.junit;

import io.lowimpact.coverage.Targets;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests run by {@link CoverageContextListenerTest} through its own launcher, never by the build's. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class ContextSample {

    /** The instrumented target, set by the test that launches this one. */
    static volatile Class<?> target;

    @Test
    @Order(1)
    void negative() {
        Targets.call(target, "classify", -1);
    }

    @Test
    @Order(2)
    void loop() {
        Targets.call(target, "classify", 2);
    }

    @ParameterizedTest
    @Order(3)
    @ValueSource(ints = {0, -3})
    void parameterised(int n) {
        Targets.call(target, "classify", n);
    }
}
