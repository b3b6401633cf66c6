package io.lowimpact.monitoring.rhino;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;

/**
 * A {@link ContextFactory} whose every context has Lowimpact's hooks ({@link RhinoMonitoring#install(Context)}).
 *
 * <pre>{@code
 * ContextFactory factory = new MonitoredContextFactory();
 * Object result = factory.call(cx -> cx.evaluateString(cx.initStandardObjects(), source, "app.js", 1, null));
 * }</pre>
 */
public class MonitoredContextFactory extends ContextFactory {

    /** A factory; it may be subclassed further, for example to change features. */
    public MonitoredContextFactory() {
    }

    @Override
    protected void onContextCreated(Context cx) {
        super.onContextCreated(cx);
        RhinoMonitoring.install(cx);
    }
}
