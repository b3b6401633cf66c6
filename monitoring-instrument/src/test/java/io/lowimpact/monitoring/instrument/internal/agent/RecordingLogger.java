package io.lowimpact.monitoring.instrument.internal.agent;

import java.lang.System.Logger;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link System.Logger} that keeps every record, for tests of what the agent logs. */
class RecordingLogger implements Logger {

    /** One logged message. */
    static final class Entry {
        final Level level;
        final String message;
        final Throwable error;

        Entry(Level level, String message, Throwable error) {
            this.level = level;
            this.message = message;
            this.error = error;
        }

        @Override
        public String toString() {
            return level + " " + message + (error == null ? "" : " / " + error);
        }
    }

    final List<Entry> entries = new CopyOnWriteArrayList<>();

    /** @return a log at {@code threshold} writing here */
    AgentLog log(Level threshold) {
        return new AgentLog(threshold, this);
    }

    @Override
    public String getName() {
        return AgentLog.NAME;
    }

    @Override
    public boolean isLoggable(Level level) {
        return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        entries.add(new Entry(level, msg, thrown));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        entries.add(new Entry(level, params == null || params.length == 0 ? format
                : MessageFormat.format(format, params), null));
    }
}
