package io.lowimpact.monitoring.rhino.internal;

/**
 * The innermost frame entered on one Rhino {@code Context} (so on one thread): kept as the context's debugger data,
 * so that a frame left by an exception can tell its caller that the exception arrived there.
 */
final class FrameStack {

    /** The innermost frame that has not exited; may be a suspended generator until its caller's next line. */
    ProbeFrame top;
}
