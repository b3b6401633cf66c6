/**
 * Lowimpact's coverage tool: line and branch coverage with per-test contexts, recorded through the public
 * monitoring API only; data files, merging, and reports (JaCoCo-compatible XML, LCOV, HTML).
 */
module io.lowimpact.coverage {
    requires io.lowimpact.monitoring;
    requires static transitive java.instrument; // the coverage agent's premain takes an Instrumentation
    requires static transitive org.junit.platform.launcher; // the per-test context listener
    requires static transitive org.junit.platform.engine; // ... and the engine types in its signatures
    requires java.xml;

    exports io.lowimpact.coverage;
    exports io.lowimpact.coverage.junit;
}
