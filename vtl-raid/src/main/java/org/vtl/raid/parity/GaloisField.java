package org.vtl.raid.parity;

/**
 * Arithmetic in GF(2^8) with the RAID-6 polynomial 0x11D and generator {02} (Linux md, ISA-L).
 *
 * <p>Tables are built once from the generator: {@code exp(i) = 2^i} and {@code log(2^i) = i}; the
 * exponent table is doubled so a product needs no modulo. Addition is XOR.
 */
public final class GaloisField {

    /** The field polynomial x^8 + x^4 + x^3 + x^2 + 1. */
    public static final int POLYNOMIAL = 0x11D;
    /** The generator g = {02}. */
    public static final int GENERATOR = 2;
    /** Number of non-zero elements: the multiplicative group order. */
    public static final int ORDER = 255;

    private static final int[] EXP = new int[2 * ORDER];
    private static final int[] LOG = new int[256];
    private static final byte[][] MUL = new byte[256][256];

    static {
        int x = 1;
        for (int i = 0; i < ORDER; i++) {
            EXP[i] = x;
            EXP[i + ORDER] = x;
            LOG[x] = i;
            x = timesGenerator(x);
        }
        LOG[0] = -1;
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                MUL[a][b] = (byte) slowMultiply(a, b);
            }
        }
    }

    private GaloisField() {
    }

    /** Multiplies by {02}: shift left and reduce by the polynomial when bit 7 falls out. */
    public static int timesGenerator(int a) {
        int r = a << 1;
        return (r & 0x100) != 0 ? (r ^ POLYNOMIAL) & 0xFF : r;
    }

    /** Carry-less shift-and-add multiplication, independent of the tables (used to build and check them). */
    public static int slowMultiply(int a, int b) {
        int r = 0;
        int x = a & 0xFF;
        for (int y = b & 0xFF; y != 0; y >>>= 1) {
            if ((y & 1) != 0) {
                r ^= x;
            }
            x = timesGenerator(x);
        }
        return r;
    }

    /** a * b. */
    public static int multiply(int a, int b) {
        return MUL[a & 0xFF][b & 0xFF] & 0xFF;
    }

    /** The row of the multiplication table for a constant: {@code row[x] = c * x}. Shared, do not modify. */
    static byte[] multiplicationRow(int c) {
        return MUL[c & 0xFF];
    }

    /** a / b, b non-zero. */
    public static int divide(int a, int b) {
        if ((b & 0xFF) == 0) {
            throw new ArithmeticException("division by zero in GF(2^8)");
        }
        if ((a & 0xFF) == 0) {
            return 0;
        }
        return EXP[LOG[a & 0xFF] + ORDER - LOG[b & 0xFF]];
    }

    /** The multiplicative inverse of a non-zero element. */
    public static int inverse(int a) {
        return divide(1, a);
    }

    /** g^n for any n >= 0. */
    public static int exp(int n) {
        return EXP[n % ORDER];
    }

    /** log_g(a) for non-zero a, in 0..254. */
    public static int log(int a) {
        if ((a & 0xFF) == 0) {
            throw new ArithmeticException("log of zero in GF(2^8)");
        }
        return LOG[a & 0xFF];
    }
}
