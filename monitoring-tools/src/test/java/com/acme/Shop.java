package com.acme;

/**
 * The program of the tools agent's integration test: known calls on two threads, a JDK call, an exception. It
 * knows nothing of Lowimpact.
 */
public final class Shop {

    private Shop() {
    }

    public static void main(String[] args) throws InterruptedException {
        long total = 0;
        for (int i = 0; i < 1000; i++) {
            total += price(i);
        }
        try {
            refund(-1);
        } catch (IllegalArgumentException e) {
            total++;
        }
        Thread auditor = new Thread(Shop::audit, "auditor");
        auditor.start();
        auditor.join();
        System.out.println("total " + total);
    }

    static long price(int item) {
        return tax(item) + Math.abs(item - 500);
    }

    static long tax(int item) {
        return item / 10;
    }

    static void refund(int amount) {
        check(amount);
    }

    static void check(int amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("negative refund " + amount);
        }
    }

    static void audit() {
        for (int i = 0; i < 3; i++) {
            tax(i);
        }
    }
}
