package com.acme;

public final class Calc {

    private Calc() {
    }

    public static int add(int a, int b) {
        return a + b;                 // line 9
    }

    public static int abs(int n) {
        if (n < 0) {                  // line 13
            return -n;                // line 14
        }
        return n;                     // line 16
    }

    public static int never() {
        return 0;                     // line 20
    }
}
