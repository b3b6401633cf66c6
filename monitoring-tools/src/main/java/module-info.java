/** Tools written on Lowimpact's public API only. */
module io.lowimpact.tools {
    requires transitive io.lowimpact.monitoring;
    exports io.lowimpact.tools.trace;
}
