package org.vtl.scsi;

/**
 * Sense data before encoding: the code plus the fields a handler may set (SPC-5 4.4.3 fixed format,
 * 4.4.2 descriptor format; SSC-5 4.2.x for FILEMARK/EOM/ILI).
 *
 * @param code              key, ASC and ASCQ
 * @param information       the INFORMATION field (residue, block count), valid only if {@code informationValid}
 * @param informationValid  sets the VALID bit / adds the information descriptor
 * @param filemark          FILEMARK bit
 * @param endOfMedium       EOM bit
 * @param incorrectLength   ILI bit
 * @param fieldPointer      sense-key-specific field pointer, or {@code null}
 */
public record SenseData(SenseCode code, long information, boolean informationValid, boolean filemark,
                        boolean endOfMedium, boolean incorrectLength, FieldPointer fieldPointer) {

    public static SenseData of(SenseCode code) {
        return new SenseData(code, 0, false, false, false, false, null);
    }

    public SenseData withInformation(long value) {
        return new SenseData(code, value, true, filemark, endOfMedium, incorrectLength, fieldPointer);
    }

    public SenseData withFilemark() {
        return new SenseData(code, information, informationValid, true, endOfMedium, incorrectLength, fieldPointer);
    }

    public SenseData withEndOfMedium() {
        return new SenseData(code, information, informationValid, filemark, true, incorrectLength, fieldPointer);
    }

    public SenseData withIncorrectLength() {
        return new SenseData(code, information, informationValid, filemark, endOfMedium, true, fieldPointer);
    }

    public SenseData withFieldPointer(FieldPointer pointer) {
        return new SenseData(code, information, informationValid, filemark, endOfMedium, incorrectLength, pointer);
    }

    /**
     * Sense-key-specific field pointer (SPC-5 4.4.2.4.2): which byte (and bit) of the CDB or of the
     * parameter list is in error.
     *
     * @param inCdb      C/D bit: true for the CDB, false for the parameter list
     * @param byteOffset the byte in error
     * @param bit        the bit in error 0..7, or -1 when not specified (BPV=0)
     */
    public record FieldPointer(boolean inCdb, int byteOffset, int bit) {
    }
}
