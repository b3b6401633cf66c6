package io.lowimpact.monitoring.core.internal;

import io.lowimpact.monitoring.CallTarget;

import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Decides whether a virtual or interface call goes to code that is not instrumented, from the receiver's class:
 * the method that the JVM would select (the class's own or inherited method, else a default method) is external
 * when it is native, or its declaring class is hidden (a lambda proxy) or not instrumented. Answers are cached per
 * receiver class and call target, and each call site ({@link SlotView}) keeps the last answer it got, so a site that
 * always sees one receiver class (most do) answers with one comparison, and a small table of the answers for other
 * classes (a visitor's {@code accept} sees dozens), so that those need no map lookup either.
 */
final class Externals {

    /** Until the agent says otherwise: every class outside the JDK's packages is instrumented. */
    private static volatile Predicate<Class<?>> instrumented = c -> !JdkPackages.contains(c.getName());

    /** Whether calls of one target on one receiver class are external; immutable, so shared without a lock. */
    static final class Answer {
        final Class<?> type;
        final boolean external;

        Answer(Class<?> type, boolean external) {
            this.type = type;
            this.external = external;
        }
    }

    /** How many receiver classes a call site that sees several keeps answers for, by the class's hash. */
    static final int SITE_ANSWERS = 8;

    private static final ClassValue<Map<CallTarget, Answer>> ANSWERS = new ClassValue<>() {
        @Override
        protected Map<CallTarget, Answer> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private Externals() {
    }

    static void setInstrumented(Predicate<Class<?>> predicate) {
        instrumented = predicate;
        // Cached answers were made with the old predicate; ClassValue cannot be cleared, so they stay for classes
        // already asked about. The agent sets the predicate once, at start, before any probe fires.
    }

    /**
     * @param receiver the call's receiver; null means the call throws in the instruction itself
     * @param site the call's slot, whose last answer is tried first and replaced when its class differs
     * @return whether the call runs code that is not instrumented
     */
    static boolean isExternal(Object receiver, SlotView site) {
        if (receiver == null || site.target == null) {
            return true;
        }
        Class<?> type = receiver.getClass();
        Answer last = site.lastAnswer;
        if (last != null && last.type == type) {
            return last.external;
        }
        Answer[] seen = site.answers;
        int at = type.hashCode() & (SITE_ANSWERS - 1);
        Answer answer = seen == null ? null : seen[at];
        if (answer == null || answer.type != type) {
            answer = answer(type, site.target);
            if (seen == null) {
                site.answers = seen = new Answer[SITE_ANSWERS];
            }
            seen[at] = answer;
        }
        site.lastAnswer = answer;
        return answer.external;
    }

    private static Answer answer(Class<?> type, CallTarget target) {
        Map<CallTarget, Answer> answers = ANSWERS.get(type);
        Answer answer = answers.get(target);
        if (answer == null) {
            answer = new Answer(type, resolve(type, target.name(), target.descriptor()));
            answers.put(target, answer);
        }
        return answer;
    }

    private static boolean resolve(Class<?> type, String name, String descriptor) {
        try {
            return resolveOrThrow(type, name, descriptor);
        } catch (Throwable e) { // reflection on a broken class (a missing type): the call is not ours to know
            return true;
        }
    }

    private static boolean resolveOrThrow(Class<?> type, String name, String descriptor) {
        Method selected = null;
        for (Class<?> c = type; c != null && selected == null; c = c.getSuperclass()) {
            selected = declared(c, name, descriptor, false);
        }
        if (selected == null) {
            selected = fromInterfaces(type, name, descriptor);
        }
        if (selected == null) {
            return true;
        }
        Class<?> declaring = selected.getDeclaringClass();
        // Hidden classes (lambda proxies among them) are never transformed by an agent.
        return Modifier.isNative(selected.getModifiers()) || declaring.isHidden() || !instrumented.test(declaring);
    }

    private static Method fromInterfaces(Class<?> type, String name, String descriptor) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                Method m = declared(i, name, descriptor, true);
                if (m == null) {
                    m = fromInterfaces(i, name, descriptor);
                }
                if (m != null) {
                    return m;
                }
            }
        }
        return null;
    }

    private static Method declared(Class<?> c, String name, String descriptor, boolean defaultsOnly) {
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name) && !Modifier.isAbstract(m.getModifiers())
                    && (!defaultsOnly || m.isDefault())
                    && MethodType.methodType(m.getReturnType(), m.getParameterTypes()).toMethodDescriptorString()
                            .equals(descriptor)) {
                return m;
            }
        }
        return null;
    }
}
