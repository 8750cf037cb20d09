package org.vtl.scsi;

/**
 * A command ends with CHECK CONDITION: carries the sense data and, rarely, Data-In bytes that are
 * still returned (a short READ with ILI). Handlers throw it; the logical unit's preamble turns it into
 * a {@link ScsiResponse}. No stack trace: it is control flow, thrown often by a fuzzer.
 */
public final class ScsiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SenseData sense;
    private final transient Payload dataIn;

    public ScsiException(SenseData sense) {
        this(sense, Payload.EMPTY);
    }

    public ScsiException(SenseData sense, Payload dataIn) {
        super(sense.code().name(), null, false, false);
        this.sense = sense;
        this.dataIn = dataIn;
    }

    public static ScsiException of(SenseCode code) {
        return new ScsiException(SenseData.of(code));
    }

    /** INVALID FIELD IN CDB pointing at {@code byteOffset}, bit {@code bit} (-1: whole byte). */
    public static ScsiException invalidCdbField(int byteOffset, int bit) {
        return new ScsiException(SenseData.of(SenseCode.INVALID_FIELD_IN_CDB)
                .withFieldPointer(new SenseData.FieldPointer(true, byteOffset, bit)));
    }

    /** INVALID FIELD IN PARAMETER LIST pointing at {@code byteOffset}, bit {@code bit} (-1: whole byte). */
    public static ScsiException invalidParameterField(int byteOffset, int bit) {
        return new ScsiException(SenseData.of(SenseCode.INVALID_FIELD_IN_PARAMETER_LIST)
                .withFieldPointer(new SenseData.FieldPointer(false, byteOffset, bit)));
    }

    public SenseData sense() {
        return sense;
    }

    public Payload dataIn() {
        return dataIn;
    }
}
