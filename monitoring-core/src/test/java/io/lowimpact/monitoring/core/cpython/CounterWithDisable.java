package io.lowimpact.monitoring.core.cpython;

import io.lowimpact.monitoring.Action;
import io.lowimpact.monitoring.CallCallback;
import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.ExceptionCallback;
import io.lowimpact.monitoring.InstructionCallback;
import io.lowimpact.monitoring.JumpCallback;
import io.lowimpact.monitoring.LineCallback;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.ReturnCallback;
import io.lowimpact.monitoring.StartCallback;

/**
 * CPython's {@code CounterWithDisable}: counts calls and returns {@link Monitoring#DISABLE} while {@link #disable} is
 * set, else {@code null} (Python's {@code None}, which means continue). Implements every callback type, so that one
 * class serves every event.
 */
final class CounterWithDisable implements StartCallback, ReturnCallback, CallCallback, LineCallback,
        InstructionCallback, JumpCallback, ExceptionCallback {

    /** Whether to return DISABLE. */
    boolean disable;
    /** How many times this callback ran. */
    int count;

    private Action count() {
        count++;
        return disable ? Monitoring.DISABLE : null;
    }

    @Override
    public Action onStart(CodeUnit code, int offset) {
        return count();
    }

    @Override
    public Action onReturn(CodeUnit code, int offset, Object value) {
        return count();
    }

    @Override
    public Action onCall(CodeUnit code, int offset, CallTarget target, Object arg0) {
        return count();
    }

    @Override
    public Action onLine(CodeUnit code, int line) {
        return count();
    }

    @Override
    public Action onInstruction(CodeUnit code, int offset) {
        return count();
    }

    @Override
    public Action onJump(CodeUnit code, int from, int to) {
        return count();
    }

    @Override
    public Action onException(CodeUnit code, int offset, Throwable exception) {
        return count();
    }
}
