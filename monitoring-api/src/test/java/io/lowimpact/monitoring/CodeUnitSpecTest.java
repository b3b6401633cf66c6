package io.lowimpact.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** S33: {@link CodeUnitSpec.Builder#build()} refuses invalid tables with exact messages. */
class CodeUnitSpecTest {

    private static void assertRefused(String message, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertEquals(message, e.getMessage());
    }

    @Test
    void s33_validSpecKeepsNamesFilesAndTables() {
        CodeUnitSpec spec = CodeUnitSpec.builder("t.page", "render")
                .descriptor("(Model)")
                .sourceFile("page.tmpl")
                .sourceFile("header.tmpl")
                .length(30)
                .line(0, 10, 1)
                .position(new Position(10, 30, 2, 3, 4, 1, 1))
                .branch(10, 20, 25)
                .build();
        assertEquals("t.page", spec.className());
        assertEquals("render", spec.methodName());
        assertEquals("(Model)", spec.descriptor());
        assertEquals(List.of("page.tmpl", "header.tmpl"), spec.sourceFiles());
        assertEquals(30, spec.length());
        assertEquals(List.of(new Position(0, 10, 1, 1, -1, -1, 0), new Position(10, 30, 2, 3, 4, 1, 1)),
                spec.positions());
        assertEquals(List.of(new Branch(10, 20, 25)), spec.branches());
    }

    @Test
    void s33_descriptorDefaultsToEmpty() {
        assertEquals("", CodeUnitSpec.builder("a", "b").length(1).build().descriptor());
    }

    @Test
    void s33_lineUsesSourceZeroOnlyWhenThereIsOne() {
        CodeUnitSpec noFile = CodeUnitSpec.builder("a", "b").line(0, 4, 3).build();
        assertEquals(List.of(new Position(0, 4, 3, 3, -1, -1, -1)), noFile.positions());
        assertEquals(List.of(), noFile.sourceFiles());
    }

    @Test
    void s33_tablesAreSortedByOffset() {
        CodeUnitSpec spec = CodeUnitSpec.builder("a", "b").sourceFile("f")
                .line(20, 30, 3).line(0, 10, 1).line(10, 20, 2)
                .branch(15, 16, 29).branch(5, 6, 7)
                .build();
        assertEquals(List.of(Position.ofLine(0, 10, 1, 0), Position.ofLine(10, 20, 2, 0), Position.ofLine(20, 30, 3, 0)),
                spec.positions());
        assertEquals(List.of(new Branch(5, 6, 7), new Branch(15, 16, 29)), spec.branches());
    }

    @Test
    void s33_tablesAreImmutable() {
        CodeUnitSpec spec = CodeUnitSpec.builder("a", "b").sourceFile("f").line(0, 4, 1).branch(1, 2, 3).build();
        assertThrows(UnsupportedOperationException.class, () -> spec.positions().add(Position.ofLine(4, 5, 1, 0)));
        assertThrows(UnsupportedOperationException.class, () -> spec.branches().clear());
        assertThrows(UnsupportedOperationException.class, () -> spec.sourceFiles().add("g"));
    }

    @Test
    void s33_builderChangesAfterBuildDoNotReachTheSpec() {
        CodeUnitSpec.Builder b = CodeUnitSpec.builder("a", "b").sourceFile("f").line(0, 4, 1);
        CodeUnitSpec spec = b.build();
        b.line(4, 8, 2).sourceFile("g").branch(1, 2, 3);
        assertEquals(List.of(Position.ofLine(0, 4, 1, 0)), spec.positions());
        assertEquals(List.of("f"), spec.sourceFiles());
        assertEquals(List.of(), spec.branches());
        assertEquals(4, spec.length());
    }

    @Test
    void s33_derivedLengthIsOnePastHighestOffset() {
        assertEquals(30, CodeUnitSpec.builder("a", "b").line(0, 10, 1).line(10, 30, 2).build().length());
        assertEquals(26, CodeUnitSpec.builder("a", "b").line(0, 10, 1).branch(4, 6, 25).build().length());
        assertEquals(41, CodeUnitSpec.builder("a", "b").line(0, 10, 1).branch(4, 40, 5).build().length());
        assertEquals(8, CodeUnitSpec.builder("a", "b").branch(7, 1, 2).build().length());
        assertEquals(50, CodeUnitSpec.builder("a", "b").length(50).line(0, 10, 1).build().length());
    }

    @Test
    void s33_refusesNoLengthNoTables() {
        assertRefused("a code unit needs a length, positions or branches", () -> CodeUnitSpec.builder("a", "b").build());
    }

    @Test
    void s33_refusesBadLength() {
        assertRefused("invalid length 0 (must be >= 1)", () -> CodeUnitSpec.builder("a", "b").length(0));
        assertRefused("invalid length -3 (must be >= 1)", () -> CodeUnitSpec.builder("a", "b").length(-3));
    }

    @Test
    void s33_refusesBlankNames() {
        assertRefused("invalid class name ' ' (must not be null or blank)", () -> CodeUnitSpec.builder(" ", "render"));
        assertRefused("invalid class name 'null' (must not be null or blank)", () -> CodeUnitSpec.builder(null, "render"));
        assertRefused("invalid method name '' (must not be null or blank)", () -> CodeUnitSpec.builder("t.page", ""));
        assertRefused("invalid method name 'null' (must not be null or blank)", () -> CodeUnitSpec.builder("t.page", null));
        assertRefused("invalid source file '\t' (must not be null or blank)",
                () -> CodeUnitSpec.builder("t.page", "render").sourceFile("\t"));
        assertRefused("invalid source file 'null' (must not be null or blank)",
                () -> CodeUnitSpec.builder("t.page", "render").sourceFile(null));
    }

    @Test
    void s33_refusesNulls() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> CodeUnitSpec.builder("a", "b").descriptor(null));
        assertEquals("descriptor must not be null", e.getMessage());
        e = assertThrows(NullPointerException.class, () -> CodeUnitSpec.builder("a", "b").position(null));
        assertEquals("position must not be null", e.getMessage());
    }

    @Test
    void s33_refusesOverlappingPositions() {
        assertRefused("positions overlap: [0, 10) and [5, 15)",
                () -> CodeUnitSpec.builder("a", "b").line(0, 10, 1).line(5, 15, 2).build());
        assertRefused("positions overlap: [0, 10) and [5, 15)",
                () -> CodeUnitSpec.builder("a", "b").line(5, 15, 2).line(0, 10, 1).build());
        assertRefused("positions overlap: [2, 4) and [3, 6)",
                () -> CodeUnitSpec.builder("a", "b").line(3, 6, 1).line(0, 1, 1).line(2, 4, 1).build());
    }

    @Test
    void s33_adjacentPositionsDoNotOverlap() {
        assertEquals(2, CodeUnitSpec.builder("a", "b").line(0, 10, 1).line(10, 20, 1).build().positions().size());
    }

    @Test
    void s33_refusesNegativeOffsets() {
        assertRefused("invalid position range [-1, 10) (offsets must be >= 0 and the range not empty)",
                () -> CodeUnitSpec.builder("a", "b").line(-1, 10, 1));
        assertRefused("invalid branch -2 -> 3 (offsets must be >= 0)",
                () -> CodeUnitSpec.builder("a", "b").branch(-2, 3, 4));
        assertRefused("invalid branch 2 -> -3 (offsets must be >= 0)",
                () -> CodeUnitSpec.builder("a", "b").branch(2, 4, -3));
    }

    @Test
    void s33_refusesPositionPastLength() {
        assertRefused("position [20, 40) ends past the unit's length 30",
                () -> CodeUnitSpec.builder("a", "b").length(30).line(0, 20, 1).line(20, 40, 2).build());
    }

    @Test
    void s33_refusesUnknownSourceIndex() {
        assertRefused("unknown source index 1 (the unit has 1 source files)",
                () -> CodeUnitSpec.builder("a", "b").sourceFile("page.tmpl")
                        .position(new Position(0, 5, 1, 1, -1, -1, 1)).build());
        assertRefused("unknown source index 0 (the unit has 0 source files)",
                () -> CodeUnitSpec.builder("a", "b").position(new Position(0, 5, 1, 1, -1, -1, 0)).build());
    }

    @Test
    void s33_unknownSourceIndexMinusOneIsAllowed() {
        assertEquals(-1, CodeUnitSpec.builder("a", "b").sourceFile("f")
                .position(new Position(0, 5, 1, 1, -1, -1, -1)).build().positions().get(0).sourceIndex());
    }

    @Test
    void s33_refusesDuplicateBranchFrom() {
        assertRefused("two branches at offset 10",
                () -> CodeUnitSpec.builder("a", "b").length(30).branch(10, 20, 25).branch(10, 11, 12).build());
    }

    @Test
    void s33_refusesBranchOffsetsOutsideLength() {
        assertRefused("branch at offset 30 outside the unit (length 30)",
                () -> CodeUnitSpec.builder("a", "b").length(30).branch(30, 20, 25).build());
        assertRefused("branch 10 goes left to offset 30 outside the unit (length 30)",
                () -> CodeUnitSpec.builder("a", "b").length(30).branch(10, 30, 25).build());
        assertRefused("branch 10 goes right to offset 31 outside the unit (length 30)",
                () -> CodeUnitSpec.builder("a", "b").length(30).branch(10, 20, 25, 31).build());
    }
}
