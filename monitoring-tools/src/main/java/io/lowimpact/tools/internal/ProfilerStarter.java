package io.lowimpact.tools.internal;

import io.lowimpact.tools.profiler.Profiler;
import java.nio.file.Path;

/** Starts the profiler for the tools agent's {@code profile=<dir>}: it writes its files there at exit. */
final class ProfilerStarter {

    private ProfilerStarter() {
    }

    static void start(String dir) {
        Profiler.start().writeAtExit(Path.of(dir));
    }
}
