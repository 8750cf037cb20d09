package org.vtl.scsi;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/** Sends commands to a logical unit from one I_T nexus and waits for the response, as a test initiator. */
public final class TestInitiator {

    public static final int MAX_DATA_IN = 1 << 24;

    private final LogicalUnit unit;
    private final Nexus nexus;
    private final long lun;
    private long tag;

    public TestInitiator(LogicalUnit unit, String name, long lun) {
        this.unit = unit;
        this.nexus = new Nexus("iqn.2026-11.test:" + name + ",i,0x1", "iqn.2026-11.org.vtl:test,t,0x1");
        this.lun = lun;
    }

    public TestInitiator(LogicalUnit unit, String name) {
        this(unit, name, 0);
    }

    public Nexus nexus() {
        return nexus;
    }

    /** Sends a CDB given as bytes (ints for readability) with no Data-Out. */
    public ScsiResponse send(int... cdb) {
        return send(bytes(cdb), Payload.EMPTY);
    }

    public ScsiResponse send(byte[] cdb, byte[] dataOut) {
        return send(cdb, Payload.of(ByteBuffer.wrap(dataOut)));
    }

    public ScsiResponse send(byte[] cdb, Payload dataOut) {
        ScsiCommand c = new ScsiCommand(nexus, lun, tag++, cdb, MAX_DATA_IN, dataOut);
        return unit.execute(c).toCompletableFuture().join();
    }

    /** Sends TEST UNIT READY until no unit attention is pending (clears power-on etc.). */
    public TestInitiator clearUnitAttentions() {
        for (int i = 0; i < 16; i++) {
            ScsiResponse r = send(0x00, 0, 0, 0, 0, 0);
            if (r.status() != ScsiStatus.CHECK_CONDITION || (r.sense()[2] & 0x0f) != 6) {
                return this;
            }
        }
        throw new AssertionError("unit attentions never cleared");
    }

    public static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    public static byte[] data(ScsiResponse r) {
        return r.dataIn().toByteArray();
    }

    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    public static int senseKey(ScsiResponse r) {
        byte[] s = r.sense();
        return s[0] == 0x72 ? s[1] & 0x0f : s[2] & 0x0f;
    }

    public static int asc(ScsiResponse r) {
        byte[] s = r.sense();
        return s[0] == 0x72 ? s[2] & 0xff : s[12] & 0xff;
    }

    public static int ascq(ScsiResponse r) {
        byte[] s = r.sense();
        return s[0] == 0x72 ? s[3] & 0xff : s[13] & 0xff;
    }

    /** Fixed-format INFORMATION field as a signed 32-bit value. */
    public static int information(ScsiResponse r) {
        byte[] s = r.sense();
        return (s[3] & 0xff) << 24 | (s[4] & 0xff) << 16 | (s[5] & 0xff) << 8 | (s[6] & 0xff);
    }
}
