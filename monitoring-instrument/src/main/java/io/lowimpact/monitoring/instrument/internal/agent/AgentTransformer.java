package io.lowimpact.monitoring.instrument.internal.agent;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Objects;

/**
 * The agent's {@link ClassFileTransformer}, registered retransform-capable: at load time and on every
 * retransformation it hands the class's original bytes to the {@link Rewriter} (the engine), unless the
 * {@link ClassFilter} rejects the class, which costs a few character compares for Lowimpact's own and the JDK's
 * classes. Whatever the rewriter throws is caught here and logged once per class, in one line naming the class,
 * the method where known and the reason (the JVM would swallow it silently), and the class loads unchanged (S41).
 * With the agent option {@code dump=}, the {@link ClassDump} keeps each decision on disk.
 *
 * <p>Thread-safe if the rewriter is.
 */
public final class AgentTransformer implements ClassFileTransformer {

    /** Decides a class's bytes: the engine's {@code transform}. */
    @FunctionalInterface
    public interface Rewriter {
        /**
         * @param loader the defining loader, null for the bootstrap loader
         * @param internalName the class's internal name ({@code a/b/C})
         * @param original the class file as the JVM passes it to a retransform-capable transformer
         * @return the rewritten class file, or null to load {@code original} unchanged
         */
        byte[] rewrite(ClassLoader loader, String internalName, byte[] original);
    }

    private final ClassFilter filter;
    private final Rewriter rewriter;
    private final AgentLog log;
    private final ClassDump dump;

    /**
     * A transformer that dumps nothing.
     *
     * @param filter the classes to hand to the rewriter
     * @param rewriter decides their bytes
     * @param log where failures go
     */
    public AgentTransformer(ClassFilter filter, Rewriter rewriter, AgentLog log) {
        this(filter, rewriter, log, ClassDump.NONE);
    }

    /**
     * @param filter the classes to hand to the rewriter
     * @param rewriter decides their bytes
     * @param log where failures go
     * @param dump where each decision is written ({@link ClassDump#NONE} for nowhere)
     */
    AgentTransformer(ClassFilter filter, Rewriter rewriter, AgentLog log, ClassDump dump) {
        this.filter = Objects.requireNonNull(filter, "filter must not be null");
        this.rewriter = Objects.requireNonNull(rewriter, "rewriter must not be null");
        this.log = Objects.requireNonNull(log, "log must not be null");
        this.dump = Objects.requireNonNull(dump, "dump must not be null");
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: the rewriter's bytes, or null (unchanged) for a filtered class or when the rewriter fails.
     */
    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (!filter.accepts(className)) {
            return null;
        }
        byte[] result;
        try {
            result = rewriter.rewrite(loader, className, classfileBuffer);
        } catch (Throwable t) {
            failed(loader, className, t);
            dump.failed(className, classfileBuffer);
            return null;
        }
        dump.decided(className, classfileBuffer, result, classBeingRedefined != null);
        return result;
    }

    private void failed(ClassLoader loader, String className, Throwable t) {
        try {
            String what = AgentLog.describe(className, loader);
            log.warnOnce(what, "cannot instrument " + what + ": " + AgentLog.reason(t) + "; it runs unchanged", t);
        } catch (Throwable ignored) {
            // describe() calls the loader's getName(), reason() the error's getMessage(); nothing may escape a
            // transformer.
        }
    }
}
