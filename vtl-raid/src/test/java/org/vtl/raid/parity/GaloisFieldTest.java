package org.vtl.raid.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GaloisFieldTest {

    @Test
    void expTableIsSuccessivePowersOfTheGenerator() {
        int x = 1;
        for (int i = 0; i < 600; i++) {
            assertEquals(x, GaloisField.exp(i), "g^" + i);
            int shifted = x << 1;
            x = (shifted & 0x100) != 0 ? shifted ^ 0x11D : shifted;
        }
    }

    @Test
    void generatorHasOrder255SoEveryNonZeroElementHasALog() {
        boolean[] seen = new boolean[256];
        for (int i = 0; i < 255; i++) {
            int e = GaloisField.exp(i);
            assertNotEquals(0, e);
            assertEquals(false, seen[e], "g^" + i + " repeats");
            seen[e] = true;
            assertEquals(i, GaloisField.log(e), "log(g^" + i + ")");
        }
        assertEquals(1, GaloisField.exp(255));
    }

    @Test
    void multiplyMatchesShiftAndAddAndLogsForAllPairs() {
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                int expected = GaloisField.slowMultiply(a, b);
                assertEquals(expected, GaloisField.multiply(a, b), a + "*" + b);
                if (a != 0 && b != 0) {
                    assertEquals(expected, GaloisField.exp(GaloisField.log(a) + GaloisField.log(b)), a + "*" + b);
                }
            }
        }
    }

    @Test
    void multiplicationIsCommutativeAssociativeAndDistributesOverXor() {
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                assertEquals(GaloisField.multiply(a, b), GaloisField.multiply(b, a));
                for (int c = 0; c < 256; c += 7) {
                    int ab = GaloisField.multiply(a, b);
                    assertEquals(GaloisField.multiply(ab, c), GaloisField.multiply(a, GaloisField.multiply(b, c)));
                    assertEquals(GaloisField.multiply(a, b ^ c), ab ^ GaloisField.multiply(a, c));
                }
            }
        }
    }

    @Test
    void everyNonZeroElementHasAnInverseAndDivisionUndoesMultiplication() {
        for (int a = 1; a < 256; a++) {
            assertEquals(1, GaloisField.multiply(a, GaloisField.inverse(a)), "inverse of " + a);
            for (int b = 0; b < 256; b++) {
                assertEquals(b, GaloisField.divide(GaloisField.multiply(a, b), a), b + "*" + a + "/" + a);
            }
        }
    }

    @Test
    void divisionByZeroAndLogOfZeroAreRejected() {
        assertThrows(ArithmeticException.class, () -> GaloisField.divide(5, 0));
        assertThrows(ArithmeticException.class, () -> GaloisField.log(0));
    }

    @Test
    void knownProductsOfThePolynomial0x11D() {
        assertEquals(0x1D, GaloisField.multiply(0x80, 2));
        assertEquals(0x3A, GaloisField.multiply(0x80, 4));
        assertEquals(0x8E, GaloisField.inverse(2));
    }
}
