package io.lowimpact.monitoring.instrument.internal;

import static io.lowimpact.monitoring.instrument.internal.ClassFileCheck.CLASS;
import static io.lowimpact.monitoring.instrument.internal.ClassFileCheck.DOUBLE;
import static io.lowimpact.monitoring.instrument.internal.ClassFileCheck.DYNAMIC;
import static io.lowimpact.monitoring.instrument.internal.ClassFileCheck.FLOAT;
import static io.lowimpact.monitoring.instrument.internal.ClassFileCheck.INTEGER;
import static io.lowimpact.monitoring.instrument.internal.ClassFileCheck.LONG;
import static io.lowimpact.monitoring.instrument.internal.ClassFileCheck.METHOD_HANDLE;
import static io.lowimpact.monitoring.instrument.internal.ClassFileCheck.METHOD_TYPE;
import static io.lowimpact.monitoring.instrument.internal.ClassFileCheck.NAME_AND_TYPE;
import static io.lowimpact.monitoring.instrument.internal.ClassFileCheck.STRING;
import static io.lowimpact.monitoring.instrument.internal.ClassFileCheck.UTF8;

import io.lowimpact.monitoring.instrument.internal.ClassFileCheck.Input;
import io.lowimpact.monitoring.instrument.internal.ClassFileCheck.Malformed;

import java.util.Map;

/**
 * {@link ClassFileCheck}'s rules for the attributes of a class, a field or a method other than {@code Code}: their
 * lengths and the constant pool entries they name, as HotSpot's parser checks them, for the versions at which it
 * reads each attribute (an attribute it does not know at a class's version is skipped, by the JVM as here).
 */
final class AttributeCheck {

    /** The attributes that may occur once, with the first class file version at which HotSpot reads each. */
    private static final Map<String, Integer> UNIQUE_IN_CLASS = Map.ofEntries(Map.entry("SourceFile", 45),
            Map.entry("SourceDebugExtension", 49), Map.entry("InnerClasses", 45), Map.entry("EnclosingMethod", 49),
            Map.entry("Signature", 49), Map.entry("RuntimeVisibleAnnotations", 49),
            Map.entry("RuntimeVisibleTypeAnnotations", 52), Map.entry("BootstrapMethods", 51),
            Map.entry("NestHost", 55), Map.entry("NestMembers", 55), Map.entry("Record", 60),
            Map.entry("PermittedSubclasses", 61));
    private static final Map<String, Integer> UNIQUE_IN_MEMBER = Map.ofEntries(Map.entry("Code", 45),
            Map.entry("Exceptions", 45), Map.entry("ConstantValue", 45), Map.entry("Signature", 49),
            Map.entry("RuntimeVisibleAnnotations", 49), Map.entry("RuntimeVisibleParameterAnnotations", 49),
            Map.entry("AnnotationDefault", 49), Map.entry("RuntimeVisibleTypeAnnotations", 52),
            Map.entry("MethodParameters", 52));

    private AttributeCheck() {
    }

    /** Whether HotSpot refuses a second attribute of this name at this version. */
    static boolean unique(String name, int major, boolean member) {
        Integer since = (member ? UNIQUE_IN_MEMBER : UNIQUE_IN_CLASS).get(name);
        return since != null && major >= since;
    }

    /** Checks a class attribute; the input is at its first byte, {@code length} bytes long (already in bounds). */
    static void ofClass(Input in, String name, int length) throws Malformed {
        int end = in.pos + length;
        switch (name) {
            case "SourceFile" -> {
                exactly(name, length, 2);
                in.ref(name, false, UTF8);
            }
            case "Signature" -> {
                if (in.major >= 49) {
                    exactly(name, length, 2);
                    in.ref(name, false, UTF8);
                }
            }
            case "Synthetic", "Deprecated" -> exactly(name, length, 0);
            case "InnerClasses" -> innerClasses(in, length);
            case "EnclosingMethod" -> {
                if (in.major >= 49) {
                    exactly(name, length, 4);
                    in.ref(name, false, CLASS);
                    in.ref(name, true, NAME_AND_TYPE);
                }
            }
            case "NestHost" -> {
                if (in.major >= 55) {
                    exactly(name, length, 2);
                    in.ref(name, false, CLASS);
                }
            }
            case "NestMembers", "PermittedSubclasses" -> {
                if (in.major >= (name.equals("NestMembers") ? 55 : 61)) {
                    classes(in, name, length);
                }
            }
            case "Record" -> {
                if (in.major >= 60) {
                    record(in, end);
                }
            }
            default -> {
            }
        }
    }

    /** Checks an attribute of a field or method other than {@code Code}. */
    static void ofMember(Input in, String name, int length, boolean method) throws Malformed {
        switch (name) {
            case "ConstantValue" -> {
                if (!method) {
                    exactly(name, length, 2);
                    in.ref(name, false, INTEGER, FLOAT, LONG, DOUBLE, STRING);
                }
            }
            case "Exceptions" -> {
                if (method) {
                    classes(in, name, length);
                }
            }
            case "Signature" -> {
                if (in.major >= 49) {
                    exactly(name, length, 2);
                    in.ref(name, false, UTF8);
                }
            }
            case "Synthetic", "Deprecated" -> exactly(name, length, 0);
            case "MethodParameters" -> {
                if (method && in.major >= 52) {
                    int count = in.u1();
                    exactly(name, length, 1 + 4 * count);
                    // HotSpot reads the names only for reflection (MalformedParametersException), not here.
                }
            }
            default -> {
            }
        }
    }

    /** Checks the {@code BootstrapMethods} attribute, which ends at {@code end}; returns how many it holds. */
    static int bootstrapMethods(Input in, int end) throws Malformed {
        int count = in.u2();
        for (int i = 0; i < count; i++) {
            in.ref("a bootstrap method", false, METHOD_HANDLE);
            for (int n = in.u2(); n > 0; n--) {
                in.ref("a bootstrap argument", false, INTEGER, FLOAT, LONG, DOUBLE, ClassFileCheck.CLASS, STRING,
                        METHOD_HANDLE, METHOD_TYPE, DYNAMIC);
            }
        }
        if (in.pos != end) {
            throw new Malformed("BootstrapMethods attribute has the wrong length");
        }
        return count;
    }

    private static void innerClasses(Input in, int length) throws Malformed {
        int count = in.u2();
        exactly("InnerClasses", length, 2 + 8 * count);
        int[] inner = new int[count];
        int[] outer = new int[count];
        int[] names = new int[count];
        for (int i = 0; i < count; i++) {
            inner[i] = in.ref("InnerClasses", false, CLASS);
            outer[i] = in.ref("InnerClasses", true, CLASS);
            names[i] = in.ref("InnerClasses", true, UTF8);
            in.u2();
            if (inner[i] == outer[i]) {
                throw new Malformed("a class is both outer and inner class in InnerClasses");
            }
            for (int j = 0; j < i; j++) {
                if (inner[i] == inner[j] && outer[i] == outer[j] && names[i] == names[j]) {
                    throw new Malformed("duplicate entry in InnerClasses");
                }
            }
        }
    }

    private static void classes(Input in, String name, int length) throws Malformed {
        int count = in.u2();
        exactly(name, length, 2 + 2 * count);
        for (int i = 0; i < count; i++) {
            in.ref(name, false, CLASS);
        }
    }

    private static void record(Input in, int end) throws Malformed {
        for (int n = in.u2(); n > 0; n--) {
            in.ref("Record", false, UTF8);
            in.ref("Record", false, UTF8);
            for (int a = in.u2(); a > 0; a--) {
                in.ref("Record", false, UTF8);
                in.skip(in.u4() & 0xffffffffL);
            }
            if (in.pos > end) {
                throw new Malformed("Record attribute has the wrong length");
            }
        }
        if (in.pos != end) {
            throw new Malformed("Record attribute has the wrong length");
        }
    }

    static void exactly(String name, int length, int expected) throws Malformed {
        if (length != expected) {
            throw new Malformed(name + " attribute has the wrong length " + length);
        }
    }
}
