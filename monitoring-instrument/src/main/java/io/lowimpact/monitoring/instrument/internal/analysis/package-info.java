/**
 * Pure bytecode analysis: what the dispatcher needs to describe a class's code units, and what probe insertion
 * needs to place probes, computed from a class file without changing it.
 *
 * <p>Entry points: {@link io.lowimpact.monitoring.instrument.internal.analysis.ClassSupport#of(byte[])} tells
 * whether a class file can be analysed; {@link io.lowimpact.monitoring.instrument.internal.analysis.ClassAnalyzer#analyze(byte[])}
 * returns a {@link io.lowimpact.monitoring.instrument.internal.analysis.ClassAnalysis} with one
 * {@link io.lowimpact.monitoring.instrument.internal.analysis.MethodAnalysis} per method that has code.
 * {@link io.lowimpact.monitoring.instrument.internal.analysis.OffsetClassReader} lets later ASM passes see the
 * original offset of each instruction they visit, so that they agree with the analysis.
 *
 * <p>Every offset is the bytecode index (bci) of an instruction in the original class file, as {@code javap -c}
 * prints it (spec.md S25). Results are immutable and safe to share between threads.
 *
 * <p>Choices that spec.md leaves open, each documented where it is made:
 * <ul>
 *   <li>Lines follow HotSpot's bci-to-line rule, so LINE events, positions and stack traces agree; ranges cover
 *       the whole code, -1 where no line is known ({@link io.lowimpact.monitoring.instrument.internal.analysis.MethodAnalysis#lines()}).</li>
 *   <li>A switch edge is LEFT or RIGHT by where it goes: case targets equal to the default's are the LEFT edge, and a
 *       switch whose cases all go to the default is no branch
 *       ({@link io.lowimpact.monitoring.instrument.internal.analysis.MethodAnalysis#branches()}).</li>
 *   <li>JUMP edges are {@code goto} and {@code goto_w} only
 *       ({@link io.lowimpact.monitoring.instrument.internal.analysis.Jump}).</li>
 *   <li>An {@code invokedynamic} call's target is owned by its bootstrap method's class; a constructor call's
 *       {@code arg0} is its first argument, never the uninitialised receiver
 *       ({@link io.lowimpact.monitoring.instrument.internal.analysis.InvokeSite}).</li>
 *   <li>RERAISE is javac's implicit rethrow ({@code finally}, {@code synchronized}, try-with-resources); an explicit
 *       {@code throw e} in a catch block is a RAISE, as {@code raise e} is in CPython
 *       ({@link io.lowimpact.monitoring.instrument.internal.analysis.RethrowDetector}).</li>
 *   <li>Positions map lines through the SMAP's default stratum where a class has one
 *       ({@link io.lowimpact.monitoring.instrument.internal.analysis.SourcePositions}).</li>
 * </ul>
 */
package io.lowimpact.monitoring.instrument.internal.analysis;
