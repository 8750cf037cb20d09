package org.vtl.bench.e2e;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.vtl.bench.initiator.IscsiSession;
import org.vtl.bench.initiator.ScsiResult;
import org.vtl.bench.initiator.SenseData;

/**
 * The SSC commands a backup server sends to a tape drive LU (SSC-3 clauses 7 and 8; SPC-4 for the mode pages),
 * over one session. CDB builders are static so the streaming loop can fill reused arrays.
 */
public final class TapeDrive {
    static final int WRITE_6 = 0x0a;
    static final int READ_6 = 0x08;
    static final int DATA_COMPRESSION_PAGE = 0x0f;
    private static final int MODE_HEADER_6 = 4;
    private static final int READY_ATTEMPTS = 100;

    private final IscsiSession session;
    private final int lun;
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(256);

    public TapeDrive(IscsiSession session, int lun) {
        this.session = session;
        this.lun = lun;
    }

    public int lun() {
        return lun;
    }

    public IscsiSession session() {
        return session;
    }

    /** WRITE(6) with FIXED=0: one variable-length block of {@code length} bytes (SSC-3 8.4). */
    static void write6(byte[] cdb, int length) {
        cdb[0] = WRITE_6;
        cdb[1] = 0;
        transferLength(cdb, length);
        cdb[5] = 0;
    }

    /** READ(6) with FIXED=0 and SILI=0: one variable-length block of up to {@code length} bytes (SSC-3 8.2). */
    static void read6(byte[] cdb, int length) {
        cdb[0] = READ_6;
        cdb[1] = 0;
        transferLength(cdb, length);
        cdb[5] = 0;
    }

    private static void transferLength(byte[] cdb, int length) {
        if (length <= 0 || length > 0xffffff) {
            throw new IllegalArgumentException("transfer length out of range: " + length);
        }
        cdb[2] = (byte) (length >>> 16);
        cdb[3] = (byte) (length >>> 8);
        cdb[4] = (byte) length;
    }

    /**
     * TEST UNIT READY until GOOD, passing over the UNIT ATTENTION a load raises and NOT READY while the medium
     * becomes ready (a backup server does the same after a move).
     */
    public void awaitReady() throws IOException {
        ScsiResult last = null;
        for (int i = 0; i < READY_ATTEMPTS; i++) {
            last = session.execute(lun, new byte[6], null, null);
            if (last.good()) {
                return;
            }
            SenseData s = last.senseData();
            if (s == null || (s.senseKey() != SenseData.UNIT_ATTENTION && s.senseKey() != SenseData.NOT_READY)) {
                break;
            }
            if (s.senseKey() == SenseData.NOT_READY) {
                sleep(100);
            }
        }
        last.requireGood("TEST UNIT READY on LUN " + lun);
    }

    public void rewind() throws IOException {
        session.execute(lun, new byte[] {0x01, 0, 0, 0, 0, 0}, null, null).requireGood("REWIND");
    }

    public void writeFilemarks(int count) throws IOException {
        byte[] cdb = {0x10, 0, (byte) (count >>> 16), (byte) (count >>> 8), (byte) count, 0};
        session.execute(lun, cdb, null, null).requireGood("WRITE FILEMARKS");
    }

    /** LOAD UNLOAD with LOAD=0 (SSC-3 7.2): what `mt offline` sends before the changer takes the cartridge. */
    public ScsiResult unload() throws IOException {
        return session.execute(lun, new byte[] {0x1b, 0, 0, 0, 0, 0}, null, null);
    }

    /**
     * MODE SELECT(6) with a block descriptor of block length 0 (variable blocks) and, when the drive has the Data
     * Compression mode page (0Fh, SSC-3 8.3.2), DCE set as asked. Returns whether the page was accepted.
     */
    public boolean configure(boolean compression) throws IOException {
        ByteBuffer in = scratch.clear().limit(255);
        ScsiResult sense = session.execute(lun, new byte[] {0x1a, 0, DATA_COMPRESSION_PAGE, 0, (byte) 255, 0},
                null, in);
        boolean hasPage = sense.good() && sense.dataInLength() >= MODE_HEADER_6 + 16
                && (in.get(MODE_HEADER_6 + (in.get(3) & 0xff)) & 0x3f) == DATA_COMPRESSION_PAGE;
        int descriptors = hasPage ? in.get(3) & 0xff : 8;
        int pageOffset = MODE_HEADER_6 + descriptors;
        int pageLength = hasPage ? (in.get(pageOffset + 1) & 0xff) + 2 : 0;
        byte[] list = new byte[pageOffset + pageLength];
        list[3] = (byte) descriptors;
        list[2] = 0x10; // buffered mode 1, as backup servers run drives
        if (hasPage) {
            in.get(MODE_HEADER_6, list, MODE_HEADER_6, descriptors + pageLength);
            list[pageOffset] &= 0x3f; // PS must be zero in MODE SELECT
            list[pageOffset + 2] = (byte) (compression ? list[pageOffset + 2] | 0x80 : list[pageOffset + 2] & 0x7f);
        }
        if (descriptors >= 8) {
            list[MODE_HEADER_6 + 5] = 0; // block length 0: variable-length blocks
            list[MODE_HEADER_6 + 6] = 0;
            list[MODE_HEADER_6 + 7] = 0;
        }
        byte[] cdb = {0x15, 0x10, 0, 0, (byte) list.length, 0};
        ScsiResult r = session.execute(lun, cdb, ByteBuffer.wrap(list), null);
        if (!r.good() && hasPage) {
            return configureBlockDescriptorOnly();
        }
        r.requireGood("MODE SELECT(6)");
        return hasPage;
    }

    private boolean configureBlockDescriptorOnly() throws IOException {
        byte[] list = new byte[MODE_HEADER_6 + 8];
        list[2] = 0x10;
        list[3] = 8;
        byte[] cdb = {0x15, 0x10, 0, 0, (byte) list.length, 0};
        session.execute(lun, cdb, ByteBuffer.wrap(list), null).requireGood("MODE SELECT(6) block descriptor");
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
