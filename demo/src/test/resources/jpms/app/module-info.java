module app { requires io.lowimpact.monitoring; }
