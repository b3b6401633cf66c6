package io.lowimpact.monitoring.core.conformance;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * JDK facilities outside {@code java.base} that the monitoring-core module does not read
 * ({@code java.management}, {@code java.logging}). Tests run on the class path, so they are reached
 * reflectively here rather than by widening the module's {@code requires}.
 */
final class JdkAccess {

    private JdkAccess() {
    }

    /** @return the bytes allocated so far by the current thread (HotSpot's {@code ThreadMXBean}) */
    static long allocatedBytes() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory")
                    .getMethod("getThreadMXBean").invoke(null);
            Method m = Class.forName("com.sun.management.ThreadMXBean")
                    .getMethod("getThreadAllocatedBytes", long.class);
            return (Long) m.invoke(bean, Thread.currentThread().getId());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read thread allocation counters", e);
        }
    }

    /**
     * Captures what {@code System.getLogger(name)} logs through java.util.logging, as XML records,
     * without printing it. Close to restore the logger.
     */
    static final class LogCapture implements AutoCloseable {
        private final Object logger;
        private final Object handler;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final boolean useParent;
        private final Object level;
        private final Class<?> loggerClass;
        private final Class<?> handlerClass;
        private final Class<?> levelClass;

        LogCapture(String name) {
            try {
                loggerClass = Class.forName("java.util.logging.Logger");
                handlerClass = Class.forName("java.util.logging.Handler");
                levelClass = Class.forName("java.util.logging.Level");
                Class<?> formatterClass = Class.forName("java.util.logging.Formatter");
                Object formatter = Class.forName("java.util.logging.XMLFormatter").getConstructor().newInstance();
                handler = Class.forName("java.util.logging.StreamHandler")
                        .getConstructor(java.io.OutputStream.class, formatterClass).newInstance(out, formatter);
                Object all = levelClass.getField("ALL").get(null);
                handlerClass.getMethod("setLevel", levelClass).invoke(handler, all);
                logger = loggerClass.getMethod("getLogger", String.class).invoke(null, name);
                useParent = (Boolean) loggerClass.getMethod("getUseParentHandlers").invoke(logger);
                level = loggerClass.getMethod("getLevel").invoke(logger);
                loggerClass.getMethod("addHandler", handlerClass).invoke(logger, handler);
                loggerClass.getMethod("setUseParentHandlers", boolean.class).invoke(logger, false);
                loggerClass.getMethod("setLevel", levelClass).invoke(logger, all);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot capture java.util.logging", e);
            }
        }

        /** @return how many records of the level (its non-localised name, such as "WARNING") were logged */
        int count(String levelName) {
            try {
                handlerClass.getMethod("flush").invoke(handler);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            String xml = out.toString(StandardCharsets.UTF_8);
            String tag = "<level>" + levelName + "</level>";
            int n = 0;
            for (int i = xml.indexOf(tag); i >= 0; i = xml.indexOf(tag, i + tag.length())) {
                n++;
            }
            return n;
        }

        @Override
        public void close() {
            try {
                loggerClass.getMethod("removeHandler", handlerClass).invoke(logger, handler);
                loggerClass.getMethod("setUseParentHandlers", boolean.class).invoke(logger, useParent);
                loggerClass.getMethod("setLevel", levelClass).invoke(logger, level);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }
}
