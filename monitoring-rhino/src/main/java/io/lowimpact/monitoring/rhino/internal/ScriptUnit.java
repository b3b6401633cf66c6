package io.lowimpact.monitoring.rhino.internal;

import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CodeUnitSpec;
import io.lowimpact.monitoring.Event;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Probe;

import org.mozilla.javascript.debug.DebuggableScript;

import java.util.Arrays;

/**
 * One compiled script or function: its code unit and the probes its frames fire, made once when Rhino reports the
 * compilation. Offsets: {@code 0} entry, {@code 1 .. n} the unit's lines in ascending order, {@code n + 1} exit.
 *
 * <p>Probes of the events that fire on every call or line (start, resume, each line, return, unwind) are made
 * here, with one probe of each exception event at the exit; the exception probes of a line are made the first time
 * an exception is seen there, then kept.
 */
final class ScriptUnit {

    /** The name of a script's top level, and of functions that have none. */
    static final String SCRIPT = "<script>";
    static final String ANONYMOUS = "<anonymous>";
    static final String NO_SOURCE = "<unknown source>";

    final CodeUnit code;
    /** The lowest line, or 0 when the unit has none; index {@code line - firstLine} of the line tables. */
    final int firstLine;
    /** The offset of each line, by {@code line - firstLine}; 0 where the line has no line-change. */
    final int[] offsetByLine;
    /** The LINE probe of each line, by {@code line - firstLine}; null where the line has no line-change. */
    final Probe[] lineProbes;
    final int exit;
    final Probe start;
    final Probe resume;
    final Probe returned;
    final Probe unwound;
    /** RAISE, RERAISE and EXCEPTION_HANDLED probes by offset, made on first use. */
    private final Probe[] raise;
    private final Probe[] reraise;
    private final Probe[] handled;

    private ScriptUnit(CodeUnit code, int[] lines) {
        this.code = code;
        this.firstLine = lines.length == 0 ? 0 : lines[0];
        int span = lines.length == 0 ? 0 : lines[lines.length - 1] - firstLine + 1;
        this.offsetByLine = new int[span];
        this.lineProbes = new Probe[span];
        for (int i = 0; i < lines.length; i++) {
            offsetByLine[lines[i] - firstLine] = i + 1;
            lineProbes[lines[i] - firstLine] = Monitoring.probe(code, Event.LINE, i + 1);
        }
        this.exit = lines.length + 1;
        this.start = Monitoring.probe(code, Event.METHOD_START, 0);
        this.resume = Monitoring.probe(code, Event.METHOD_RESUME, 0);
        this.returned = Monitoring.probe(code, Event.METHOD_RETURN, exit);
        this.unwound = Monitoring.probe(code, Event.METHOD_UNWIND, exit);
        this.raise = new Probe[exit + 1];
        this.reraise = new Probe[exit + 1];
        this.handled = new Probe[exit + 1];
        // Exception events are global: the probe at the exit is active exactly when the one at any line would be,
        // so these make the unit count as active (CodeUnit.hasActiveProbes) while only an exception event is on.
        raise(exit);
        reraise(exit);
        handled(exit);
    }

    /**
     * Defines the unit of one script or function (not of its nested functions).
     *
     * @param script what Rhino compiled
     * @return the unit and its probes
     */
    static ScriptUnit define(DebuggableScript script) {
        int[] lines = script.getLineNumbers().clone();
        Arrays.sort(lines);
        String source = script.getSourceName() == null || script.getSourceName().isBlank()
                ? NO_SOURCE : script.getSourceName();
        CodeUnitSpec.Builder spec = CodeUnitSpec.builder(source, nameOf(script))
                .descriptor(parametersOf(script))
                .sourceFile(source)
                .length(lines.length + 2);
        for (int i = 0; i < lines.length; i++) {
            spec.line(i + 1, i + 2, lines[i]);
        }
        return new ScriptUnit(CodeUnit.define(spec.build()), lines);
    }

    private static String nameOf(DebuggableScript script) {
        if (!script.isFunction()) {
            return SCRIPT;
        }
        String name = script.getFunctionName();
        return name == null || name.isEmpty() ? ANONYMOUS : name;
    }

    /** {@code "(a, b)"} for a function of parameters a and b, {@code ""} for a script. */
    private static String parametersOf(DebuggableScript script) {
        if (!script.isFunction()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < script.getParamCount(); i++) {
            sb.append(i == 0 ? "" : ", ").append(script.getParamOrVarName(i));
        }
        return sb.append(')').toString();
    }

    /** @return the offset of a line, or -1 when Rhino reported a line the unit does not list */
    int offsetOf(int line) {
        int i = line - firstLine;
        return i >= 0 && i < offsetByLine.length && offsetByLine[i] != 0 ? offsetByLine[i] : -1;
    }

    Probe raise(int offset) {
        Probe p = raise[offset];
        return p != null ? p : (raise[offset] = Monitoring.probe(code, Event.RAISE, offset));
    }

    Probe reraise(int offset) {
        Probe p = reraise[offset];
        return p != null ? p : (reraise[offset] = Monitoring.probe(code, Event.RERAISE, offset));
    }

    Probe handled(int offset) {
        Probe p = handled[offset];
        return p != null ? p : (handled[offset] = Monitoring.probe(code, Event.EXCEPTION_HANDLED, offset));
    }
}
