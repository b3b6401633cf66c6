/** The hot method. NoDeoptimizationIT counts its deoptimizations: keep it free of other reasons to deoptimize. */
public class Work {
    static int step(int i) {
        int a = i + 1;
        int b = a * 3;
        int c = b - i;
        int d = c ^ a;
        int e = d + b;
        int f = e * 7;
        int g = f - c;
        int h = g + d;
        return h & 0xFFFF;
    }
}
