package io.lowimpact.monitoring;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * One unit of code that events are fired in: a method body of a class (constructors, static initialisers and
 * lambda bodies included), or a unit defined through {@link #define(CodeUnitSpec)} by an interpreter, compiler
 * or template engine.
 *
 * <p>Locations inside a unit are integer offsets in {@code [0, length())}. For bytecode units an offset is the
 * bytecode index (bci) of an instruction in the original class file, as {@code javap -c} prints it. Positions
 * map offsets to source spans and back.
 */
public interface CodeUnit {

    /** @return a dense id, unique for the JVM's lifetime */
    int id();

    /** @return the owning class's binary name ({@code "com.example.Foo"}), or the namespace of an injected unit */
    String className();

    /** @return the method's name ({@code "<init>"}, {@code "<clinit>"} included), or the injected unit's name */
    String methodName();

    /** @return the JVM method descriptor, or whatever the defining code gave (never null, may be empty) */
    String descriptor();

    /** @return the first of {@link #sourceFiles()}, or null when none is known */
    String sourceFile();

    /** @return the lowest line of this unit's positions, or -1 when none is known */
    int firstLine();

    /** @return the number of offsets: valid offsets are {@code 0 .. length() - 1} */
    int length();

    /** @return the source files that {@link Position#sourceIndex()} points into, in index order */
    List<String> sourceFiles();

    /** @return the line ranges of this unit, in offset order (like CPython's {@code co_lines()}) */
    List<LineRange> lines();

    /** @return the position table, in offset order, ranges not overlapping */
    List<Position> positions();

    /**
     * @param offset an offset of this unit
     * @return the position whose range holds the offset, if any
     */
    Optional<Position> positionAt(int offset);

    /**
     * Maps a source point back to an offset.
     *
     * @param sourceIndex index into {@link #sourceFiles()}
     * @param line the line
     * @param column the column, or -1 for any column of the line
     * @return the lowest offset whose position covers the point, or -1 when none does
     */
    int offsetOf(int sourceIndex, int line, int column);

    /** @return every conditional branch of this unit, in offset order (like CPython's {@code co_branches()}) */
    List<Branch> branches();

    /**
     * Whether some probe obtained for this unit from {@link Monitoring#probe(CodeUnit, Event, int)} (or its
     * overloads) is active now, that is, whether {@link Probe#isActive()} is true for any of them: a single field
     * read, no lock, no allocation. An interpreter asks it when it enters a frame of the unit and, while it is false,
     * runs the frame without hooks instead of asking each probe. The probes that the agent or the offline
     * instrumenter put in a class's bytecode are not counted: for a bytecode unit it tells about its injected probes
     * only.
     *
     * @return true iff at least one injection-API probe of this unit would deliver to a tool if fired now
     */
    boolean hasActiveProbes();

    /**
     * Registers a unit defined by code that is not bytecode, so that it can fire events through
     * {@link Monitoring#probe(CodeUnit, Event, int)}.
     *
     * @param spec the unit's names and tables
     * @return the new unit, with a fresh id
     * @throws NullPointerException if {@code spec} is null
     */
    static CodeUnit define(CodeUnitSpec spec) {
        return Monitoring.runtime().define(spec);
    }

    /**
     * The unit of a method's body.
     *
     * @param method a method
     * @return its unit
     * @throws IllegalArgumentException if the method has no body or its class cannot be analysed
     * @throws IllegalStateException if no agent is installed to analyse bytecode
     */
    static CodeUnit of(Method method) {
        return Monitoring.runtime().unitOf(method);
    }

    /**
     * The unit of a constructor's body.
     *
     * @param constructor a constructor
     * @return its unit
     * @throws IllegalArgumentException if its class cannot be analysed
     * @throws IllegalStateException if no agent is installed to analyse bytecode
     */
    static CodeUnit of(Constructor<?> constructor) {
        return Monitoring.runtime().unitOf(constructor);
    }

    /**
     * Looks up a unit that is already known (defined, or analysed by the agent).
     *
     * @param className the class's binary name, or the injected unit's namespace
     * @param methodName the method's name
     * @param descriptor the descriptor
     * @return the unit, if known
     */
    static Optional<CodeUnit> find(String className, String methodName, String descriptor) {
        return Monitoring.runtime().find(className, methodName, descriptor);
    }
}
