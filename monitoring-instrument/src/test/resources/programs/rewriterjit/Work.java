public class Work {
    static int twice(int x) {
        int y = x + x;
        return y;
    }
}
