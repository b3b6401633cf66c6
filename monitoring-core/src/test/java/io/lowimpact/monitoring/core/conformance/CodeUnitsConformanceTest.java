package io.lowimpact.monitoring.core.conformance;

import static io.lowimpact.monitoring.Event.BRANCH_LEFT;
import static io.lowimpact.monitoring.Event.BRANCH_RIGHT;
import static io.lowimpact.monitoring.Event.CALL;
import static io.lowimpact.monitoring.Event.INSTRUCTION;
import static io.lowimpact.monitoring.Event.JUMP;
import static io.lowimpact.monitoring.Event.LINE;
import static io.lowimpact.monitoring.Event.METHOD_START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lowimpact.monitoring.Branch;
import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.CodeUnit;
import io.lowimpact.monitoring.CodeUnitSpec;
import io.lowimpact.monitoring.EventSet;
import io.lowimpact.monitoring.LineRange;
import io.lowimpact.monitoring.Monitoring;
import io.lowimpact.monitoring.Position;
import io.lowimpact.monitoring.Probe;
import io.lowimpact.monitoring.Tool;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** §5 Code units, offsets, positions, branches: S24..S28, for units defined through the injection API. */
class CodeUnitsConformanceTest extends ConformanceBase {

    /** Two files: {@code main.tmpl} (index 0) and {@code part.tmpl} (index 1), with columns. */
    private CodeUnit twoFiles(String cls) {
        return CodeUnit.define(CodeUnitSpec.builder(cls, "render").descriptor("(Model)String")
                .sourceFile("main.tmpl").sourceFile("part.tmpl")
                .length(40)
                .position(new Position(20, 30, 3, 3, 0, 8, 1))
                .position(new Position(0, 10, 7, 7, 2, 14, 0))
                .position(new Position(10, 20, 7, 8, 15, 4, 0))
                .position(new Position(30, 36, 5, 5, -1, -1, 1))
                .branch(30, 31, 0)
                .branch(10, 11, 20, 30)
                .build());
    }

    @Test
    void s24_defineGivesTheUnitItsNames() {
        String cls = freshClassName();
        CodeUnit unit = twoFiles(cls);
        assertEquals(cls, unit.className());
        assertEquals("render", unit.methodName());
        assertEquals("(Model)String", unit.descriptor());
        assertEquals("main.tmpl", unit.sourceFile());
        assertEquals(3, unit.firstLine(), "the lowest line, not the line of offset 0");
        assertEquals(40, unit.length());
        assertTrue(unit.id() >= 0);
    }

    @Test
    void s24_unitWithoutFilesOrLines() {
        CodeUnit unit = CodeUnit.define(CodeUnitSpec.builder(freshClassName(), "bare").length(5).build());
        assertNull(unit.sourceFile());
        assertEquals(-1, unit.firstLine());
        assertEquals("", unit.descriptor());
        assertEquals(List.of(), unit.sourceFiles());
        assertEquals(List.of(), unit.positions());
        assertEquals(List.of(), unit.branches());
        assertEquals(5, unit.length());
    }

    @Test
    void s24_idsAreDenseAndUnique() {
        List<CodeUnit> units = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            units.add(CodeUnit.define(CodeUnitSpec.builder(freshClassName(), "u").length(1).build()));
        }
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < units.size(); i++) {
            assertEquals(units.get(0).id() + i, units.get(i).id(), "ids are handed out densely");
            ids.add(units.get(i).id());
        }
        assertEquals(50, ids.size());
        assertTrue(units.get(0).id() >= 0);
    }

    @Test
    void s24_idsAreUniqueAcrossThreads() throws Exception {
        int threads = 4;
        int each = 250;
        List<Integer> ids = new ArrayList<>();
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            ts[t] = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    int id = CodeUnit.define(CodeUnitSpec.builder(freshClassName(), "u").length(1).build()).id();
                    synchronized (ids) {
                        ids.add(id);
                    }
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        Set<Integer> unique = new HashSet<>(ids);
        assertEquals(threads * each, unique.size());
        int min = unique.stream().mapToInt(Integer::intValue).min().getAsInt();
        int max = unique.stream().mapToInt(Integer::intValue).max().getAsInt();
        assertEquals(threads * each - 1, max - min, "no gaps");
    }

    @Test
    void s24_findLooksUpADefinedUnit() {
        String cls = freshClassName();
        CodeUnit unit = twoFiles(cls);
        Optional<CodeUnit> found = CodeUnit.find(cls, "render", "(Model)String");
        assertTrue(found.isPresent());
        assertEquals(unit.id(), found.get().id());
        assertEquals(Optional.empty(), CodeUnit.find(cls, "render", "()"));
        assertEquals(Optional.empty(), CodeUnit.find(cls, "other", "(Model)String"));
        assertEquals(Optional.empty(), CodeUnit.find(freshClassName(), "render", "(Model)String"));
        CodeUnit plain = page("p");
        assertEquals(plain.id(), CodeUnit.find(plain.className(), "render", "").orElseThrow().id());
    }

    @Test
    void s25_offsetsAreTheUnitsOwnAsGivenToProbes() {
        CodeUnit a = page("a");
        CallTarget target = new CallTarget("x.Y", "z", "(I)V", CallTarget.Kind.STATIC);
        Tool tool = Monitoring.useToolId(1, "offsets");
        rec.on(tool, INSTRUCTION);
        rec.on(tool, JUMP);
        rec.on(tool, CALL);
        rec.on(tool, METHOD_START);
        tool.setEvents(EventSet.of(INSTRUCTION, JUMP, CALL, METHOD_START));
        for (int offset : new int[] {0, 1, 17, 29}) {
            Probe p = Monitoring.probe(a, INSTRUCTION, offset);
            assertEquals(offset, p.offset());
            assertEquals(-1, p.to());
            assertSame(INSTRUCTION, p.event());
            assertEquals(a.id(), p.code().id());
            assertNull(p.target());
            p.fire();
        }
        Probe jump = Monitoring.probe(a, JUMP, 29, 3);
        assertEquals(29, jump.offset());
        assertEquals(3, jump.to());
        jump.fire();
        Probe call = Monitoring.probe(a, CALL, 6, target);
        assertEquals(target, call.target());
        call.fireCall(7);
        Monitoring.probe(a, METHOD_START, 3).fire();
        assertEquals(List.of(
                "1:INSTRUCTION unit=a offset=0", "1:INSTRUCTION unit=a offset=1",
                "1:INSTRUCTION unit=a offset=17", "1:INSTRUCTION unit=a offset=29",
                "1:JUMP unit=a from=29 to=3",
                "1:CALL unit=a offset=6 target=x.Y.z(I)V arg0=7",
                "1:METHOD_START unit=a offset=3"), rec.events());
    }

    @Test
    void s25_offsetsRunFromZeroToLengthMinusOne() {
        CodeUnit a = page("a");
        Monitoring.probe(a, INSTRUCTION, 0);
        Monitoring.probe(a, INSTRUCTION, 29);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Monitoring.probe(a, INSTRUCTION, 30));
        assertEquals("offset 30 outside " + "code unit " + name(a) + " (length 30)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Monitoring.probe(a, INSTRUCTION, -1));
        assertEquals("offset -1 outside code unit " + name(a) + " (length 30)", e.getMessage());
    }

    @Test
    void s26_lineFiresEachTimeControlArrivesIncludingBackEdges() {
        CodeUnit a = page("a");
        Tool tool = Monitoring.useToolId(1, "lines");
        rec.on(tool, LINE);
        tool.setEvents(EventSet.of(LINE));
        Probe line1 = Monitoring.probe(a, LINE, 0);
        Probe line2 = Monitoring.probe(a, LINE, 10);
        line1.fire();
        for (int i = 0; i < 3; i++) {
            line2.fire(); // a loop whose back edge returns to line 2
        }
        assertEquals(List.of("1:LINE unit=a line=1", "1:LINE unit=a line=2", "1:LINE unit=a line=2",
                "1:LINE unit=a line=2"), rec.events());
    }

    @Test
    void s26_lineReportsTheLineOfThePositionCoveringTheOffset() {
        CodeUnit unit = rec.alias(twoFiles(freshClassName()), "u");
        Tool tool = Monitoring.useToolId(1, "lines");
        rec.on(tool, LINE);
        tool.setEvents(EventSet.of(LINE));
        for (int offset : new int[] {0, 9, 10, 19, 20, 33}) {
            Monitoring.probe(unit, LINE, offset).fire();
        }
        assertEquals(List.of("1:LINE unit=u line=7", "1:LINE unit=u line=7", "1:LINE unit=u line=7",
                "1:LINE unit=u line=7", "1:LINE unit=u line=3", "1:LINE unit=u line=5"), rec.events());
    }

    @Test
    void s26_noLinePointWhereNoLineIsKnown() {
        CodeUnit unit = CodeUnit.define(CodeUnitSpec.builder(freshClassName(), "gaps").sourceFile("g")
                .length(30).line(0, 10, 1).position(new Position(20, 30, -1, -1, -1, -1, -1)).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Monitoring.probe(unit, LINE, 15));
        assertEquals("no line at offset 15 of code unit " + name(unit), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Monitoring.probe(unit, LINE, 25));
        assertEquals("no line at offset 25 of code unit " + name(unit), e.getMessage());
        assertEquals(0, Monitoring.probe(unit, LINE, 0).offset());
    }

    @Test
    void s27_positionsAreTheTableInOffsetOrder() {
        CodeUnit unit = twoFiles(freshClassName());
        assertEquals(List.of(
                new Position(0, 10, 7, 7, 2, 14, 0),
                new Position(10, 20, 7, 8, 15, 4, 0),
                new Position(20, 30, 3, 3, 0, 8, 1),
                new Position(30, 36, 5, 5, -1, -1, 1)), unit.positions());
        assertEquals(List.of("main.tmpl", "part.tmpl"), unit.sourceFiles());
    }

    @Test
    void s27_linesListRangesLikeCoLines() {
        CodeUnit a = page("a");
        assertEquals(List.of(new LineRange(0, 10, 1), new LineRange(10, 30, 2)), a.lines());
        assertEquals(List.of(Position.ofLine(0, 10, 1, 0), Position.ofLine(10, 30, 2, 0)), a.positions());
        assertEquals("page.tmpl", a.sourceFile());
        assertEquals(List.of("page.tmpl"), a.sourceFiles());
    }

    @Test
    void s27_positionAtFindsTheRangeHoldingTheOffset() {
        CodeUnit unit = twoFiles(freshClassName());
        assertEquals(Optional.of(new Position(0, 10, 7, 7, 2, 14, 0)), unit.positionAt(0));
        assertEquals(Optional.of(new Position(0, 10, 7, 7, 2, 14, 0)), unit.positionAt(9));
        assertEquals(Optional.of(new Position(10, 20, 7, 8, 15, 4, 0)), unit.positionAt(10));
        assertEquals(Optional.of(new Position(30, 36, 5, 5, -1, -1, 1)), unit.positionAt(35));
        assertEquals(Optional.empty(), unit.positionAt(36), "offsets 36..39 have no position");
        assertEquals(Optional.empty(), unit.positionAt(39));
    }

    @Test
    void s27_offsetOfMapsASourcePointBack() {
        CodeUnit unit = twoFiles(freshClassName());
        assertEquals(0, unit.offsetOf(0, 7, -1), "any column: the lowest offset on the line");
        assertEquals(0, unit.offsetOf(0, 7, 2));
        assertEquals(0, unit.offsetOf(0, 7, 13));
        assertEquals(-1, unit.offsetOf(0, 7, 14), "column 14 lies between [2, 14) and the span starting at 15");
        assertEquals(-1, unit.offsetOf(0, 7, 1));
    }

    @Test
    void s27_offsetOfAcrossLinesAndFiles() {
        CodeUnit unit = twoFiles(freshClassName());
        assertEquals(10, unit.offsetOf(0, 7, 15));
        assertEquals(10, unit.offsetOf(0, 7, 99));
        assertEquals(10, unit.offsetOf(0, 8, 3));
        assertEquals(-1, unit.offsetOf(0, 8, 4));
        assertEquals(20, unit.offsetOf(1, 3, 0));
        assertEquals(30, unit.offsetOf(1, 5, 42));
        assertEquals(-1, unit.offsetOf(1, 7, -1), "line 7 is in the other file");
        assertEquals(-1, unit.offsetOf(0, 3, -1));
        assertEquals(-1, unit.offsetOf(2, 3, -1));
    }

    @Test
    void s28_branchesAreTheTableInOffsetOrder() {
        CodeUnit unit = twoFiles(freshClassName());
        assertEquals(List.of(new Branch(10, 11, 20, 30), new Branch(30, 31, 0)), unit.branches());
        assertEquals(List.of(new Branch(10, 20, 25)), page("a").branches());
    }

    @Test
    void s28_branchEventsAreEdgesOfTheTable() {
        CodeUnit unit = rec.alias(twoFiles(freshClassName()), "u");
        Tool tool = Monitoring.useToolId(1, "branches");
        rec.on(tool, BRANCH_LEFT);
        rec.on(tool, BRANCH_RIGHT);
        tool.setEvents(EventSet.BRANCH);
        for (Branch b : unit.branches()) {
            Monitoring.probe(unit, BRANCH_LEFT, b.from(), b.left()).fire();
            for (int r : b.rights()) {
                Monitoring.probe(unit, BRANCH_RIGHT, b.from(), r).fire();
            }
        }
        assertEquals(List.of(
                "1:BRANCH_LEFT unit=u from=10 to=11",
                "1:BRANCH_RIGHT unit=u from=10 to=20",
                "1:BRANCH_RIGHT unit=u from=10 to=30",
                "1:BRANCH_LEFT unit=u from=30 to=31",
                "1:BRANCH_RIGHT unit=u from=30 to=0"), rec.events());
    }

    @Test
    void s28_edgesOutsideTheTableHaveNoProbe() {
        CodeUnit unit = twoFiles(freshClassName());
        String in = " in code unit " + name(unit);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Monitoring.probe(unit, BRANCH_RIGHT, 10, 11));
        assertEquals("no BRANCH_RIGHT edge 10 -> 11" + in, e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Monitoring.probe(unit, BRANCH_LEFT, 10, 20));
        assertEquals("no BRANCH_LEFT edge 10 -> 20" + in, e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Monitoring.probe(unit, BRANCH_LEFT, 12, 13));
        assertEquals("no BRANCH_LEFT edge 12 -> 13" + in, e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Monitoring.probe(unit, BRANCH_RIGHT, 30, 31));
        assertEquals("no BRANCH_RIGHT edge 30 -> 31" + in, e.getMessage());
    }
}
