package org.vtl.bench.initiator;

/**
 * How a SCSI command ended.
 *
 * @param status        SCSI status byte (00h GOOD, 02h CHECK CONDITION, 08h BUSY, 18h RESERVATION CONFLICT)
 * @param response      iSCSI response code (00h: command completed at target)
 * @param sense         raw sense bytes, or an empty array
 * @param residual      the residual count; positive for underflow, negative for overflow
 * @param dataInLength  bytes of Data-In placed in the caller's buffer
 */
public record ScsiResult(int status, int response, byte[] sense, int residual, int dataInLength) {
    public static final int GOOD = 0x00;
    public static final int CHECK_CONDITION = 0x02;

    public boolean good() {
        return status == GOOD && response == 0;
    }

    /** Parsed sense, or null when there is none. */
    public SenseData senseData() {
        return SenseData.parse(sense);
    }

    /** Throws {@link ScsiStatusException} unless the status is GOOD. */
    public ScsiResult requireGood(String what) {
        if (!good()) {
            throw new ScsiStatusException(what, this);
        }
        return this;
    }
}
