package example.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import example.inventory.Restock;
import org.junit.jupiter.api.Test;

/** The sample application's tests, run by the main job under the coverage tool. */
class RestockTest {

    @Test
    void ordersWholePacks() {
        assertEquals(2, new Restock(6).packs(3, 12));
    }

    @Test
    void ordersNothingWhenThereIsEnough() {
        assertEquals(0, new Restock(6).packs(12, 12));
    }
}
