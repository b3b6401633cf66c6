package io.lowimpact.coverage.junit;

import io.lowimpact.coverage.Coverage;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Per-test coverage contexts for JUnit Platform (JUnit 5, and every engine on the platform). Registered through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}, so it runs wherever this module
 * is on the test class path. When a {@link Coverage} recording with contexts runs in the JVM, each test's start
 * switches the context to the test's name ({@code com.acme.OrderTest#refund()}, with {@code [n]} for the n-th
 * invocation of a parameterised or repeated test), which restarts the coverage tool's events alone; the test's
 * end switches back to no context. Without such a recording it does nothing.
 */
public final class CoverageContextListener implements TestExecutionListener {

    /** Called by JUnit Platform's service loader. */
    public CoverageContextListener() {
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        if (test.isTest()) {
            Coverage.running().filter(c -> c.options().contexts()).ifPresent(c -> c.switchContext(contextName(test)));
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
            Coverage.running().filter(c -> c.options().contexts()).ifPresent(c -> c.switchContext(null));
        }
    }

    /**
     * @param test a test
     * @return its context name: {@code class#method(parameter types)}, then {@code [n]} for an invocation of a
     *         test template; the display name for tests without a method source
     */
    static String contextName(TestIdentifier test) {
        TestSource source = test.getSource().orElse(null);
        String name;
        if (source instanceof MethodSource) {
            MethodSource method = (MethodSource) source;
            name = method.getClassName() + "#" + method.getMethodName() + "(" + method.getMethodParameterTypes() + ")";
        } else {
            name = test.getDisplayName();
        }
        String id = test.getUniqueId();
        int invocation = id.lastIndexOf("-invocation:#");
        if (invocation >= 0) {
            int end = id.indexOf(']', invocation);
            name += "[" + id.substring(invocation + "-invocation:#".length(), end < 0 ? id.length() : end) + "]";
        }
        return name;
    }
}
