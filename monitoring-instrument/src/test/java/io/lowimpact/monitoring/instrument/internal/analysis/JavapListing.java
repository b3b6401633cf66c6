package io.lowimpact.monitoring.instrument.internal.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of {@code javap -c -l -p -s} output that the analysis is checked against: per method with code, in
 * class-file order, its descriptor, instructions (offset, mnemonic, operands), switch tables, exception table and
 * line number table.
 */
final class JavapListing {

    /** One instruction as javap prints it. */
    record Insn(int offset, String mnemonic, String operands, int defaultTarget, List<Integer> caseTargets) {

        boolean isSwitch() {
            return mnemonic.equals("tableswitch") || mnemonic.equals("lookupswitch");
        }

        /** @return the jump target of an if, goto or jsr */
        int jumpTarget() {
            return Integer.parseInt(operands.trim().split("\\s+")[0]);
        }
    }

    /** One exception-table row; {@code type} is null for "any". */
    record Handler(int start, int end, int target, String type) {
    }

    /** One LineNumberTable row. */
    record LineEntry(int line, int offset) {
    }

    /** One method with code. */
    record Method(String header, String descriptor, List<Insn> insns, List<Handler> handlers, List<LineEntry> lines) {
    }

    // DOTALL: string constants in the operands may hold U+0085, U+2028 or U+2029, which '.' does not match otherwise
    private static final Pattern INSN = Pattern.compile("^\\s+(\\d+): ([a-z][a-z0-9_]*)(.*)$", Pattern.DOTALL);
    private static final Pattern CASE = Pattern.compile("^\\s+(-?\\d+|default): (\\d+)$");
    private static final Pattern HANDLER = Pattern.compile("^\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(any|Class (\\S+))$");
    private static final Pattern LINE = Pattern.compile("^\\s+line (\\d+): (\\d+)$");

    private final List<Method> methods;

    private JavapListing(List<Method> methods) {
        this.methods = methods;
    }

    List<Method> methods() {
        return methods;
    }

    private enum Section { NONE, CODE, SWITCH, EXCEPTIONS, LINES, OTHER }

    static JavapListing parse(String text) {
        List<Method> methods = new ArrayList<>();
        String header = null;
        String descriptor = null;
        boolean hasCode = false;
        List<Insn> insns = new ArrayList<>();
        List<Handler> handlers = new ArrayList<>();
        List<LineEntry> lines = new ArrayList<>();
        Section section = Section.NONE;
        Insn pendingSwitch = null;
        List<Integer> cases = new ArrayList<>();
        int defaultTarget = -1;
        for (String line : (text + "\n").split("\n", -1)) {
            if (line.isBlank() || (line.startsWith("  ") && !line.startsWith("   ")) || line.startsWith("}")) {
                if (header != null && hasCode) {
                    methods.add(new Method(header, descriptor, insns, handlers, lines));
                }
                header = null;
                hasCode = false;
                insns = new ArrayList<>();
                handlers = new ArrayList<>();
                lines = new ArrayList<>();
                section = Section.NONE;
                if (!line.isBlank() && !line.startsWith("}")) {
                    header = line.trim();
                }
                continue;
            }
            if (line.startsWith("    ") && Character.isLetter(line.charAt(4))) {
                String title = line.trim();
                if (title.startsWith("descriptor: ")) {
                    descriptor = title.substring("descriptor: ".length());
                    section = Section.NONE;
                } else if (title.equals("Code:")) {
                    hasCode = true;
                    section = Section.CODE;
                } else if (title.equals("Exception table:")) {
                    section = Section.EXCEPTIONS;
                } else if (title.equals("LineNumberTable:")) {
                    section = Section.LINES;
                } else {
                    section = Section.OTHER;
                }
                continue;
            }
            switch (section) {
                case CODE: {
                    Matcher m = INSN.matcher(line);
                    if (m.matches()) {
                        Insn insn = new Insn(Integer.parseInt(m.group(1)), m.group(2), m.group(3), -1, List.of());
                        if (insn.isSwitch()) {
                            pendingSwitch = insn;
                            cases = new ArrayList<>();
                            defaultTarget = -1;
                            section = Section.SWITCH;
                        } else {
                            insns.add(insn);
                        }
                    }
                    break;
                }
                case SWITCH: {
                    Matcher m = CASE.matcher(line);
                    if (m.matches()) {
                        if (m.group(1).equals("default")) {
                            defaultTarget = Integer.parseInt(m.group(2));
                        } else {
                            cases.add(Integer.parseInt(m.group(2)));
                        }
                    } else if (line.trim().equals("}")) {
                        insns.add(new Insn(pendingSwitch.offset(), pendingSwitch.mnemonic(), pendingSwitch.operands(),
                                defaultTarget, List.copyOf(cases)));
                        section = Section.CODE;
                    }
                    break;
                }
                case EXCEPTIONS: {
                    Matcher m = HANDLER.matcher(line);
                    if (m.matches()) {
                        handlers.add(new Handler(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(3)), m.group(5)));
                    }
                    break;
                }
                case LINES: {
                    Matcher m = LINE.matcher(line);
                    if (m.matches()) {
                        lines.add(new LineEntry(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
                    }
                    break;
                }
                default:
                    break;
            }
        }
        return new JavapListing(methods);
    }
}
