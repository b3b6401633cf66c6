package io.lowimpact.monitoring.instrument.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lowimpact.monitoring.Branch;
import io.lowimpact.monitoring.CallTarget;
import io.lowimpact.monitoring.LineRange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an analysis against javap's listing of the same class, exactly: method order and descriptors, instruction
 * offsets and mnemonics, lines per instruction, line points, branches, jumps, calls, handlers, returns and throws.
 * Every expected value is recomputed here from javap's text, independently of the analysis code.
 */
final class JavapAgreement {

    private static final Pattern METHOD_REF = Pattern.compile(
            "// (Method|InterfaceMethod) (?:(\"[^\"]*\"|[^\".:\\s]+)\\.)?(\"[^\"]*\"|[^\":\\s]+):(\\S+)$");
    private static final Pattern INDY_REF = Pattern.compile("// InvokeDynamic #\\d+:(\"[^\"]*\"|[^\":\\s]+):(\\S+)$");

    private JavapAgreement() {
    }

    static void assertAgrees(ClassAnalysis analysis, JavapListing listing) {
        List<JavapListing.Method> expected = listing.methods();
        List<MethodAnalysis> actual = analysis.methods();
        assertEquals(expected.size(), actual.size(), () -> analysis + ": number of methods with code");
        for (int i = 0; i < expected.size(); i++) {
            assertMethod(analysis, expected.get(i), actual.get(i));
        }
    }

    private static void assertMethod(ClassAnalysis analysis, JavapListing.Method javap, MethodAnalysis method) {
        String where = analysis.className() + "." + method.name() + method.descriptor();
        assertEquals(javap.descriptor(), method.descriptor(), () -> where + ": descriptor (" + javap.header() + ")");
        List<JavapListing.Insn> insns = javap.insns();
        int[] offsets = insns.stream().mapToInt(JavapListing.Insn::offset).toArray();
        assertArrayEquals(offsets, method.instructionOffsets(), () -> where + ": instruction offsets");
        for (JavapListing.Insn insn : insns) {
            assertEquals(OpcodeNames.fold(insn.mnemonic()), OpcodeNames.of(method.opcodeAt(insn.offset())),
                    () -> where + ": opcode at " + insn.offset());
        }
        for (JavapListing.Insn insn : insns) {
            assertEquals(hotspotLine(javap.lines(), insn.offset()), lineAt(method.lines(), insn.offset()),
                    () -> where + ": line of the instruction at " + insn.offset());
        }
        assertEquals(expectedBranches(insns), method.branches(), () -> where + ": branches");
        assertEquals(expectedJumps(insns), method.jumps(), () -> where + ": jumps");
        assertEquals(expectedCalls(analysis, insns), callsOf(method), () -> where + ": calls");
        List<ExceptionHandler> handlers = new ArrayList<>();
        javap.handlers().forEach(h -> handlers.add(new ExceptionHandler(h.start(), h.end(), h.target(), h.type())));
        assertEquals(handlers, method.handlers(), () -> where + ": exception table");
        assertEquals(offsetsOf(insns, "[ilfda]?return"),
                method.returns().stream().map(ReturnSite::offset).toList(), () -> where + ": returns");
        assertEquals(offsetsOf(insns, "athrow"),
                method.throwSites().stream().map(ThrowSite::offset).toList(), () -> where + ": athrows");
        assertEquals(expectedLinePoints(javap, method), method.linePoints(), () -> where + ": line points");
    }

    /** HotSpot's Method::line_number_from_bci over javap's rows, in table order. */
    static int hotspotLine(List<JavapListing.LineEntry> entries, int offset) {
        int bestOffset = 0;
        int bestLine = -1;
        for (JavapListing.LineEntry e : entries) {
            if (e.offset() == offset) {
                return e.line();
            }
            if (e.offset() < offset && e.offset() >= bestOffset) {
                bestOffset = e.offset();
                bestLine = e.line();
            }
        }
        return bestLine;
    }

    static int lineAt(List<LineRange> ranges, int offset) {
        int low = 0;
        int high = ranges.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            LineRange r = ranges.get(mid);
            if (offset < r.startOffset()) {
                high = mid - 1;
            } else if (offset >= r.endOffset()) {
                low = mid + 1;
            } else {
                return r.line();
            }
        }
        throw new AssertionError("no line range holds offset " + offset + ": " + ranges);
    }

    private static List<Branch> expectedBranches(List<JavapListing.Insn> insns) {
        List<Branch> branches = new ArrayList<>();
        for (int i = 0; i < insns.size(); i++) {
            JavapListing.Insn insn = insns.get(i);
            String m = insn.mnemonic();
            if (m.startsWith("if")) {
                int next = insns.get(i + 1).offset();
                branches.add(new Branch(insn.offset(), next, insn.jumpTarget()));
            } else if (insn.isSwitch()) {
                Set<Integer> rights = new LinkedHashSet<>(insn.caseTargets());
                rights.remove(insn.defaultTarget());
                if (!rights.isEmpty()) {
                    branches.add(new Branch(insn.offset(), insn.defaultTarget(),
                            rights.stream().mapToInt(Integer::intValue).toArray()));
                }
            }
        }
        return branches;
    }

    private static List<Jump> expectedJumps(List<JavapListing.Insn> insns) {
        List<Jump> jumps = new ArrayList<>();
        for (JavapListing.Insn insn : insns) {
            String m = insn.mnemonic();
            if (m.equals("goto") || m.equals("goto_w")) {
                jumps.add(new Jump(insn.offset(), insn.jumpTarget()));
            }
        }
        return jumps;
    }

    private static List<String> expectedCalls(ClassAnalysis analysis, List<JavapListing.Insn> insns) {
        List<String> calls = new ArrayList<>();
        for (JavapListing.Insn insn : insns) {
            String m = insn.mnemonic();
            if (m.equals("invokedynamic")) {
                Matcher ref = INDY_REF.matcher(insn.operands());
                if (!ref.find()) {
                    throw new AssertionError("unparsed invokedynamic: " + insn);
                }
                calls.add(insn.offset() + " DYNAMIC *." + unquote(ref.group(1)) + ref.group(2));
            } else if (m.startsWith("invoke")) {
                Matcher ref = METHOD_REF.matcher(insn.operands());
                if (!ref.find()) {
                    throw new AssertionError("unparsed invoke: " + insn);
                }
                String owner = ref.group(2) == null ? analysis.className() : unquote(ref.group(2)).replace('/', '.');
                CallTarget.Kind kind = CallTarget.Kind.valueOf(m.substring("invoke".length()).toUpperCase());
                calls.add(insn.offset() + " " + kind + " " + owner + "." + unquote(ref.group(3)) + ref.group(4));
            }
        }
        return calls;
    }

    private static List<String> callsOf(MethodAnalysis method) {
        List<String> calls = new ArrayList<>();
        for (InvokeSite site : method.calls()) {
            CallTarget t = site.target();
            String owner = t.kind() == CallTarget.Kind.DYNAMIC ? "*" : t.owner();
            calls.add(site.offset() + " " + t.kind() + " " + owner + "." + t.name() + t.descriptor());
        }
        return calls;
    }

    /** S26: each line-table row's start, and each jump target or handler start that has a line. */
    private static List<LinePoint> expectedLinePoints(JavapListing.Method javap, MethodAnalysis method) {
        TreeMap<Integer, Integer> points = new TreeMap<>();
        for (JavapListing.LineEntry e : javap.lines()) {
            points.putIfAbsent(e.offset(), hotspotLine(javap.lines(), e.offset()));
        }
        List<Integer> targets = new ArrayList<>();
        for (JavapListing.Insn insn : javap.insns()) {
            String m = insn.mnemonic();
            if (m.startsWith("if") || m.startsWith("goto") || m.startsWith("jsr")) {
                targets.add(insn.jumpTarget());
            } else if (insn.isSwitch()) {
                targets.add(insn.defaultTarget());
                targets.addAll(insn.caseTargets());
            }
        }
        javap.handlers().forEach(h -> targets.add(h.target()));
        for (int target : targets) {
            int line = hotspotLine(javap.lines(), target);
            if (line > 0) {
                points.putIfAbsent(target, line);
            }
        }
        List<LinePoint> result = new ArrayList<>();
        points.forEach((offset, line) -> result.add(new LinePoint(offset, line)));
        return result;
    }

    private static List<Integer> offsetsOf(List<JavapListing.Insn> insns, String mnemonicRegex) {
        return insns.stream().filter(i -> i.mnemonic().matches(mnemonicRegex)).map(JavapListing.Insn::offset).toList();
    }

    private static String unquote(String s) {
        return s.startsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
