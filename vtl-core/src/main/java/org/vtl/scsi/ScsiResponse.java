package org.vtl.scsi;

/**
 * What a {@link LogicalUnit} answers: status, Data-In payload and, with CHECK CONDITION, sense data.
 * The transport computes residuals from the expected length and {@code dataIn.length()}, sends the
 * data and then releases it.
 *
 * @param status the SCSI status
 * @param dataIn Data-In bytes, {@link Payload#EMPTY} for none
 * @param sense  sense bytes (fixed or descriptor format) for CHECK CONDITION, else empty
 */
public record ScsiResponse(ScsiStatus status, Payload dataIn, byte[] sense) {

    private static final byte[] NO_SENSE = new byte[0];
    private static final ScsiResponse GOOD = new ScsiResponse(ScsiStatus.GOOD, Payload.EMPTY, NO_SENSE);

    public static ScsiResponse good() {
        return GOOD;
    }

    public static ScsiResponse good(Payload dataIn) {
        return new ScsiResponse(ScsiStatus.GOOD, dataIn, NO_SENSE);
    }

    public static ScsiResponse checkCondition(byte[] sense) {
        return new ScsiResponse(ScsiStatus.CHECK_CONDITION, Payload.EMPTY, sense);
    }

    /** CHECK CONDITION that still returns data (e.g. a short READ with ILI). */
    public static ScsiResponse checkCondition(Payload dataIn, byte[] sense) {
        return new ScsiResponse(ScsiStatus.CHECK_CONDITION, dataIn, sense);
    }

    public static ScsiResponse status(ScsiStatus status) {
        return new ScsiResponse(status, Payload.EMPTY, NO_SENSE);
    }
}
