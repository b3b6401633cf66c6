package example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** JUnit tests of {@link Shop}, run by {@link RunSample} in a JVM under both agents, never by the build. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class ShopSample {

    @Test
    @Order(1)
    void sells() {
        assertEquals(true, new Shop(3).sell(1));
    }

    @Test
    @Order(2)
    void refusesTooMuch() {
        assertEquals(false, new Shop(3).sell(4));
    }

    @Test
    @Order(3)
    void restocks() {
        assertEquals(5, new Shop(3).restock(2));
    }
}
