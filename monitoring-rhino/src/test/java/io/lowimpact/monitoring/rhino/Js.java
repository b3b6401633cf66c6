package io.lowimpact.monitoring.rhino;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.Script;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.Undefined;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Runs JavaScript in Rhino's interpreter with Lowimpact's hooks installed. */
final class Js {

    private Js() {
    }

    /** Evaluates a script on a fresh, installed context; returns its result shown as text. */
    static String run(String source, String sourceName) {
        try (Context cx = Context.enter()) {
            RhinoMonitoring.install(cx);
            Scriptable scope = cx.initStandardObjects();
            return show(cx.evaluateString(scope, source, sourceName, 1, null));
        }
    }

    /** Compiles a script on an installed context, for running it more than once. */
    static Script compile(String source, String sourceName) {
        try (Context cx = Context.enter()) {
            RhinoMonitoring.install(cx);
            return cx.compileString(source, sourceName, 1, null);
        }
    }

    /** Runs a compiled script in a fresh scope of a fresh, installed context; returns its result as text. */
    static String exec(Script script) {
        try (Context cx = Context.enter()) {
            RhinoMonitoring.install(cx);
            Scriptable scope = cx.initStandardObjects();
            return show(script.exec(cx, scope, scope));
        }
    }

    /** A JavaScript value as text: numbers without a needless ".0", undefined as "undefined". */
    static String show(Object value) {
        if (value instanceof Undefined) {
            return "undefined";
        }
        if (value instanceof Double && (Double) value == Math.rint((Double) value)) {
            return Long.toString(((Double) value).longValue());
        }
        return Context.toString(value);
    }

    /** The text of a resource next to this class. */
    static String resource(String name) {
        try (InputStream in = Js.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
