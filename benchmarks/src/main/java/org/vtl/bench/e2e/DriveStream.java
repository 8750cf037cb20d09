package org.vtl.bench.e2e;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.vtl.bench.initiator.ScsiResult;
import org.vtl.bench.initiator.ScsiStatusException;
import org.vtl.bench.initiator.ScsiTask;
import org.vtl.bench.initiator.SenseData;

/**
 * The data phases of one backup job on one drive: WRITE(6) of variable blocks with up to {@code outstanding}
 * commands in flight, then a filemark (the sync point), and after a rewind READ(6) of every block, each compared
 * byte for byte with what was written, until the filemark is reported. Commands complete in submission order, as
 * a tape drive executes them; the ring of in-flight tasks is kept in that order.
 */
final class DriveStream {
    private final TapeDrive drive;
    private final Corpus corpus;
    private final int driveIndex;
    private final int blockSize;
    private final long blocks;
    private final int outstanding;
    private final ScsiTask[] ring;
    private final ByteBuffer[] readBuffers;
    private final byte[][] cdbs;

    DriveStream(TapeDrive drive, Corpus corpus, int driveIndex, int blockSize, long bytes, int outstanding) {
        this.drive = drive;
        this.corpus = corpus;
        this.driveIndex = driveIndex;
        this.blockSize = blockSize;
        this.blocks = Math.max(1, bytes / blockSize);
        this.outstanding = outstanding;
        this.ring = new ScsiTask[outstanding];
        this.readBuffers = new ByteBuffer[outstanding];
        this.cdbs = new byte[outstanding][6];
    }

    long bytes() {
        return blocks * blockSize;
    }

    /** Writes every block and one filemark; returns the elapsed nanoseconds. */
    long write() throws IOException {
        long start = System.nanoTime();
        for (long b = 0; b < blocks; b++) {
            int slot = (int) (b % outstanding);
            if (ring[slot] != null) {
                complete(ring[slot], "WRITE(6)", b - outstanding);
            }
            TapeDrive.write6(cdbs[slot], blockSize);
            ring[slot] = drive.session().submit(drive.lun(), cdbs[slot], corpus.block(driveIndex, b, blockSize), null);
        }
        drain(blocks, "WRITE(6)");
        drive.writeFilemarks(1);
        return System.nanoTime() - start;
    }

    /** Reads every block back and verifies it, then expects the filemark; returns the elapsed nanoseconds. */
    long readAndVerify() throws IOException {
        for (int i = 0; i < outstanding; i++) {
            if (readBuffers[i] == null) {
                readBuffers[i] = ByteBuffer.allocateDirect(blockSize);
            }
        }
        long start = System.nanoTime();
        for (long b = 0; b < blocks; b++) {
            int slot = (int) (b % outstanding);
            if (ring[slot] != null) {
                verify(ring[slot], b - outstanding, slot);
            }
            TapeDrive.read6(cdbs[slot], blockSize);
            ring[slot] = drive.session().submit(drive.lun(), cdbs[slot], null, readBuffers[slot].clear());
        }
        for (long b = Math.max(0, blocks - outstanding); b < blocks; b++) {
            int slot = (int) (b % outstanding);
            verify(ring[slot], b, slot);
            ring[slot] = null;
        }
        expectFilemark();
        return System.nanoTime() - start;
    }

    private void drain(long next, String what) {
        for (long b = Math.max(0, next - outstanding); b < next; b++) {
            int slot = (int) (b % outstanding);
            complete(ring[slot], what, b);
            ring[slot] = null;
        }
    }

    private static void complete(ScsiTask task, String what, long block) {
        task.await().requireGood(what + " block " + block);
    }

    private void verify(ScsiTask task, long block, int slot) {
        ScsiResult r = task.await().requireGood("READ(6) block " + block);
        if (r.dataInLength() != blockSize || r.residual() != 0) {
            throw new VerificationException("drive LUN " + drive.lun() + " block " + block + ": read "
                    + r.dataInLength() + " bytes, residual " + r.residual() + ", expected " + blockSize);
        }
        ByteBuffer expected = corpus.block(driveIndex, block, blockSize);
        int at = expected.mismatch(readBuffers[slot].clear());
        if (at >= 0) {
            throw new VerificationException("drive LUN " + drive.lun() + " block " + block
                    + ": data differs from what was written at byte " + at);
        }
    }

    private void expectFilemark() throws IOException {
        ByteBuffer buffer = readBuffers[0].clear();
        byte[] cdb = new byte[6];
        TapeDrive.read6(cdb, blockSize);
        ScsiResult r = drive.session().execute(drive.lun(), cdb, null, buffer);
        SenseData sense = r.senseData();
        if (r.good() || sense == null || !sense.filemark()) {
            throw new ScsiStatusException("READ(6) after the last block did not report the filemark", r);
        }
    }

    /** Read-back data differs from what was written. */
    static final class VerificationException extends RuntimeException {
        VerificationException(String message) {
            super(message);
        }
    }
}
