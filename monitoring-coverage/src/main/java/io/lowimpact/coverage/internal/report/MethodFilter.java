package io.lowimpact.coverage.internal.report;

/**
 * Leaves out methods that the compiler wrote and no source line stands for, as JaCoCo's filters do: synthetic
 * methods and bridges (but not lambda bodies), an enum's {@code values()} and {@code valueOf(String)}, a record's
 * generated {@code toString}, {@code hashCode} and {@code equals}, and a private empty no-argument constructor
 * (the one that keeps a utility class from being instantiated).
 */
final class MethodFilter {

    private static final int ACC_PRIVATE = 0x0002;
    private static final int ACC_SYNTHETIC = 0x1000;
    private static final int ACC_ENUM = 0x4000;
    /** aload_0; invokespecial java/lang/Object.<init>()V; return */
    private static final int EMPTY_CONSTRUCTOR_LENGTH = 5;

    private final String internalName;
    private final boolean isEnum;
    private final boolean isRecord;
    private final boolean extendsObject;

    MethodFilter(String internalName, int classAccess, String superName) {
        this.internalName = internalName;
        this.isEnum = (classAccess & ACC_ENUM) != 0 && "java/lang/Enum".equals(superName);
        this.isRecord = "java/lang/Record".equals(superName);
        this.extendsObject = "java/lang/Object".equals(superName);
    }

    /** @return whether the method appears in reports; code is null for names only (a recorded class) */
    boolean keep(int access, String name, String descriptor, byte[] code) {
        if ((access & ACC_SYNTHETIC) != 0 && !name.startsWith("lambda$")) {
            return false;
        }
        if (isEnum && (name.equals("values") && descriptor.equals("()[L" + internalName + ";")
                || name.equals("valueOf") && descriptor.equals("(Ljava/lang/String;)L" + internalName + ";"))) {
            return false;
        }
        if (isRecord && code != null && Bytecode.contains(code, Bytecode.INVOKEDYNAMIC)
                && (name.equals("toString") && descriptor.equals("()Ljava/lang/String;")
                || name.equals("hashCode") && descriptor.equals("()I")
                || name.equals("equals") && descriptor.equals("(Ljava/lang/Object;)Z"))) {
            return false;
        }
        return !(extendsObject && (access & ACC_PRIVATE) != 0 && name.equals("<init>") && descriptor.equals("()V")
                && code != null && code.length == EMPTY_CONSTRUCTOR_LENGTH);
    }
}
