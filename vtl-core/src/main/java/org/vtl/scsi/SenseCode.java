package org.vtl.scsi;

/**
 * The sense codes this project emits, and only those (SPC-5 4.4.2 sense keys, Annex F ASC/ASCQ).
 * Handlers name a code; {@link SenseEncoder} writes the bytes, so no handler writes sense bytes itself.
 */
public enum SenseCode {
    NO_SENSE(0x0, 0x00, 0x00),
    FILEMARK_DETECTED(0x0, 0x00, 0x01),
    /** Early warning on write, and the ILI/overlength report of a read (sense key NO SENSE, SSC-5 4.2.5). */
    END_OF_PARTITION_DETECTED(0x0, 0x00, 0x02),
    BEGINNING_OF_PARTITION_DETECTED(0x0, 0x00, 0x04),
    LOGICAL_UNIT_NOT_READY(0x2, 0x04, 0x00),
    MEDIUM_NOT_PRESENT(0x2, 0x3A, 0x00),
    WRITE_ERROR(0x3, 0x0C, 0x00),
    UNRECOVERED_READ_ERROR(0x3, 0x11, 0x00),
    /** Spacing or reading forward reached the physical end of the partition (SSC-5 4.2.5). */
    END_OF_PARTITION_MEDIUM_ERROR(0x3, 0x00, 0x02),
    SEQUENTIAL_POSITIONING_ERROR(0x3, 0x3B, 0x00),
    PERIPHERAL_DEVICE_WRITE_FAULT(0x4, 0x03, 0x00),
    INTERNAL_TARGET_FAILURE(0x4, 0x44, 0x00),
    PARAMETER_LIST_LENGTH_ERROR(0x5, 0x1A, 0x00),
    INVALID_COMMAND_OPERATION_CODE(0x5, 0x20, 0x00),
    INVALID_ELEMENT_ADDRESS(0x5, 0x21, 0x01),
    INVALID_FIELD_IN_CDB(0x5, 0x24, 0x00),
    LOGICAL_UNIT_NOT_SUPPORTED(0x5, 0x25, 0x00),
    INVALID_FIELD_IN_PARAMETER_LIST(0x5, 0x26, 0x00),
    PARAMETER_VALUE_INVALID(0x5, 0x26, 0x02),
    INVALID_RELEASE_OF_PERSISTENT_RESERVATION(0x5, 0x26, 0x04),
    INCOMPATIBLE_MEDIUM_INSTALLED(0x5, 0x30, 0x00),
    SAVING_PARAMETERS_NOT_SUPPORTED(0x5, 0x39, 0x00),
    MEDIUM_DESTINATION_ELEMENT_FULL(0x5, 0x3B, 0x0D),
    MEDIUM_SOURCE_ELEMENT_EMPTY(0x5, 0x3B, 0x0E),
    MEDIUM_MAGAZINE_NOT_ACCESSIBLE(0x5, 0x3B, 0x11),
    POSITION_PAST_BEGINNING_OF_MEDIUM(0x5, 0x3B, 0x0C),
    MEDIUM_REMOVAL_PREVENTED(0x5, 0x53, 0x02),
    NOT_READY_TO_READY_CHANGE(0x6, 0x28, 0x00),
    IMPORT_OR_EXPORT_ELEMENT_ACCESSED(0x6, 0x28, 0x01),
    POWER_ON_RESET(0x6, 0x29, 0x00),
    BUS_DEVICE_RESET_FUNCTION_OCCURRED(0x6, 0x29, 0x03),
    MODE_PARAMETERS_CHANGED(0x6, 0x2A, 0x01),
    RESERVATIONS_PREEMPTED(0x6, 0x2A, 0x03),
    RESERVATIONS_RELEASED(0x6, 0x2A, 0x04),
    REGISTRATIONS_PREEMPTED(0x6, 0x2A, 0x05),
    /** The target's logical unit inventory changed (SPC-5 6.33: initiators send REPORT LUNS again). */
    REPORTED_LUNS_DATA_HAS_CHANGED(0x6, 0x3F, 0x0E),
    WRITE_PROTECTED(0x7, 0x27, 0x00),
    WORM_MEDIUM_OVERWRITE_ATTEMPTED(0x7, 0x30, 0x0C),
    CANNOT_WRITE_MEDIUM_INCOMPATIBLE_FORMAT(0x7, 0x30, 0x05),
    /** Reading or spacing forward met end-of-data (SSC-5 4.2.4). */
    END_OF_DATA_DETECTED(0x8, 0x00, 0x05),
    LOGICAL_BLOCK_GUARD_CHECK_FAILED(0xB, 0x10, 0x01),
    /** Writing reached the end of the partition: nothing (more) written (SSC-5 4.2.5). */
    VOLUME_OVERFLOW(0xD, 0x00, 0x02);

    /** Sense keys (SPC-5 Table 49). */
    public static final int KEY_NO_SENSE = 0x0;
    public static final int KEY_NOT_READY = 0x2;
    public static final int KEY_MEDIUM_ERROR = 0x3;
    public static final int KEY_HARDWARE_ERROR = 0x4;
    public static final int KEY_ILLEGAL_REQUEST = 0x5;
    public static final int KEY_UNIT_ATTENTION = 0x6;
    public static final int KEY_DATA_PROTECT = 0x7;
    public static final int KEY_BLANK_CHECK = 0x8;
    public static final int KEY_ABORTED_COMMAND = 0xB;
    public static final int KEY_VOLUME_OVERFLOW = 0xD;

    private static final java.util.Map<Integer, SenseCode> BY_CODE = new java.util.HashMap<>();

    static {
        for (SenseCode c : values()) {
            if (BY_CODE.put(c.key << 16 | c.asc << 8 | c.ascq, c) != null) {
                throw new ExceptionInInitializerError("duplicate sense code " + c);
            }
        }
    }

    private final int key;
    private final int asc;
    private final int ascq;

    SenseCode(int key, int asc, int ascq) {
        this.key = key;
        this.asc = asc;
        this.ascq = ascq;
    }

    public int key() {
        return key;
    }

    public int asc() {
        return asc;
    }

    public int ascq() {
        return ascq;
    }

    /** The code with this key, ASC and ASCQ, or {@code null}. */
    public static SenseCode of(int key, int asc, int ascq) {
        return BY_CODE.get(key << 16 | asc << 8 | ascq);
    }
}
