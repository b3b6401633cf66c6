package io.lowimpact.monitoring.instrument.internal.analysis;

/**
 * One entry of a method's exception table, in table order (the order the JVM searches it).
 *
 * @param start first offset of the protected range, inclusive
 * @param end end of the protected range, exclusive (may be the code length)
 * @param handler offset of the handler's first instruction, the location of EXCEPTION_HANDLED
 * @param catchType internal name of the caught class ({@code "java/io/IOException"}), or null for any
 *     exception (javac's {@code finally} and {@code synchronized})
 */
public record ExceptionHandler(int start, int end, int handler, String catchType) {

    /** @return whether this entry catches every exception ({@link #catchType()} is null) */
    public boolean catchesAny() {
        return catchType == null;
    }
}
