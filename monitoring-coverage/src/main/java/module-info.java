/**
 * Lowimpact's coverage tool: line and branch coverage with per-test contexts, recorded through the public
 * monitoring API only; data files, merging, and reports (JaCoCo-compatible XML, LCOV, HTML).
 */
module io.lowimpact.coverage {
    requires io.lowimpact.monitoring;
    requires static java.instrument; // the coverage agent's premain
    requires static org.objectweb.asm; // the report's class-file scanner
    requires static org.junit.platform.launcher; // the per-test context listener
    requires java.xml;

    exports io.lowimpact.coverage;
    exports io.lowimpact.coverage.junit;
}
