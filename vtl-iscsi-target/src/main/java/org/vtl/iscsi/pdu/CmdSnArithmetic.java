package org.vtl.iscsi.pdu;

/** Serial number arithmetic on 32-bit sequence numbers (RFC 1982 as RFC 7143 4.2.2.1 requires). */
public final class CmdSnArithmetic {

    private CmdSnArithmetic() {
    }

    /** a comes before b. */
    public static boolean before(int a, int b) {
        return a - b < 0;
    }

    /** a comes after b. */
    public static boolean after(int a, int b) {
        return b - a < 0;
    }
}
