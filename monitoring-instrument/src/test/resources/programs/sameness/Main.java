import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Prints what a program can see of the classes of a jar (design.md R2, S41): for each class, its declared
 * methods and constructors with annotations and parameter names, the serialVersionUID that serialization
 * computes, and whether Class.getResource finds its class file; then the stack traces of exceptions thrown
 * in the jar's code. Run with and without instrumentation, the outputs must be equal.
 * Arguments: the jar, then "class#method" of static one-argument methods to call with null.
 */
public class Main {

    public static void main(String[] args) throws Exception {
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(args[0])) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                String entry = e.nextElement().getName();
                if (entry.endsWith(".class") && !entry.startsWith("META-INF/") && !entry.contains("-info")) {
                    names.add(entry.substring(0, entry.length() - 6).replace('/', '.'));
                }
            }
        }
        names.sort(null);
        for (String name : names) {
            Class<?> c = Class.forName(name, false, Main.class.getClassLoader());
            StringBuilder out = new StringBuilder(name);
            out.append(" resource=").append(c.getResource(name.substring(name.lastIndexOf('.') + 1) + ".class"));
            if (Serializable.class.isAssignableFrom(c) && ObjectStreamClass.lookup(c) != null) {
                out.append(" suid=").append(ObjectStreamClass.lookup(c).getSerialVersionUID());
            }
            out.append(" annotations=").append(Arrays.toString(c.getDeclaredAnnotations()));
            List<String> members = new ArrayList<>();
            List<Executable> executables = new ArrayList<>(Arrays.asList(c.getDeclaredMethods()));
            executables.addAll(Arrays.asList(c.getDeclaredConstructors()));
            for (Executable m : executables) {
                StringBuilder s = new StringBuilder(m.toGenericString());
                s.append(Arrays.toString(m.getDeclaredAnnotations()));
                for (Parameter p : m.getParameters()) {
                    s.append(' ').append(p.getName()).append(Arrays.toString(p.getDeclaredAnnotations()));
                }
                members.add(s.toString());
            }
            members.sort(null);
            System.out.println(out);
            members.forEach(m -> System.out.println("  " + m));
        }
        for (int i = 1; i < args.length; i++) {
            String[] target = args[i].split("#");
            List<Method> methods = new ArrayList<>(Arrays.asList(Class.forName(target[0]).getMethods()));
            methods.sort((a, b) -> a.toGenericString().compareTo(b.toGenericString())); // getMethods has no order
            for (Method m : methods) {
                if (m.getName().equals(target[1]) && m.getParameterCount() == 1) {
                    try {
                        m.invoke(null, (Object) null);
                        System.out.println(args[i] + "(" + m.getParameterTypes()[0].getName() + "): no exception");
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        System.out.println(args[i] + "(" + m.getParameterTypes()[0].getName() + "): " + e.getCause());
                        for (StackTraceElement frame : e.getCause().getStackTrace()) {
                            if (!frame.getClassName().startsWith("java.") && !frame.getClassName().startsWith("jdk.")) {
                                System.out.println("  at " + frame);
                            }
                        }
                    }
                }
            }
        }
    }
}
