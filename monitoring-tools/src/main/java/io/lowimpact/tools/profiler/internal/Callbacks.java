package io.lowimpact.tools.profiler.internal;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CallCallback;
import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.ExceptionCallback;
import io.lowimpact.monitoring.ReturnCallback;
import io.lowimpact.monitoring.StartCallback;

/**
 * The profiler's callbacks: each finds the thread's recorder and hands it the event. {@code METHOD_START},
 * {@code METHOD_RETURN}, {@code METHOD_UNWIND} and {@code CALL} go through this object; {@code EXTERNAL_RETURN}
 * and {@code EXTERNAL_RAISE} through {@link #externalExit()}. Only {@code CALL} returns {@code DISABLE}, at a call
 * site that does not need it ({@link Recorder#call}).
 */
public final class Callbacks implements StartCallback, ReturnCallback, ExceptionCallback, CallCallback {

    private final Recorders recorders;
    private final CallCallback externalExit;

    /** @param recorders the profiler's recorders */
    public Callbacks(Recorders recorders) {
        this.recorders = recorders;
        this.externalExit = (code, offset, target, arg0) -> {
            recorders.current().externalExit(target);
            return Action.CONTINUE;
        };
    }

    @Override
    public Action onStart(CodeUnit code, int offset) {
        recorders.current().start(code.id(), code);
        return Action.CONTINUE;
    }

    @Override
    public Action onReturn(CodeUnit code, int offset, Object value) {
        recorders.current().exit(code.id());
        return Action.CONTINUE;
    }

    @Override
    public Action onException(CodeUnit code, int offset, Throwable exception) {
        recorders.current().exit(code.id());
        return Action.CONTINUE;
    }

    @Override
    public Action onCall(CodeUnit code, int offset, CallTarget target, Object arg0) {
        return recorders.current().call(target) ? Action.DISABLE : Action.CONTINUE;
    }

    /** @return the callback for {@code EXTERNAL_RETURN} and {@code EXTERNAL_RAISE} */
    public CallCallback externalExit() {
        return externalExit;
    }
}
