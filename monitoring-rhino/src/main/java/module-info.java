/**
 * JavaScript run by Rhino's interpreter, made visible to every Lowimpact tool: each compiled script and function is
 * a code unit, and Rhino's debugger hooks fire its events through probes.
 */
module io.lowimpact.monitoring.rhino {
    requires transitive io.lowimpact.monitoring;
    requires transitive org.mozilla.rhino;
    exports io.lowimpact.monitoring.rhino;
}
