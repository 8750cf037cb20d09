package org.vtl.scsi.ssc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

import org.vtl.cartridge.MediumException;
import org.vtl.cartridge.MountedCartridge;
import org.vtl.cartridge.ReadOutcome;
import org.vtl.cartridge.WriteOutcome;
import org.vtl.scsi.Cdb;
import org.vtl.scsi.Payload;
import org.vtl.scsi.ScsiException;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiTask;
import org.vtl.scsi.SenseCode;
import org.vtl.scsi.SenseData;
import org.vtl.scsi.SlicedPayload;

/**
 * READ(6) and WRITE(6) in fixed and variable mode (SSC-5 6.14, 6.23, 4.2.x): incorrect-length reads with
 * ILI and the residue in INFORMATION, filemark and end-of-data on read, early warning and end-of-partition
 * on write; logical block protection with CRC32C (SSC-5 4.2.23): WRITE verifies the 4-byte CRC the
 * application appended to each block and stores the block without it (nothing is stored if any CRC is
 * wrong), READ appends it. The CRC is transferred least significant byte first.
 *
 * <p>Payload is never copied on WRITE: fixed-mode blocks are views of the Data-Out payload. READ copies each
 * block once, from the cartridge into a pooled direct buffer.
 */
final class ReadWrite {

    private final TapeDrive drive;

    ReadWrite(TapeDrive drive) {
        this.drive = drive;
    }

    ScsiResponse write(ScsiTask task) {
        byte[] cdb = task.cdb();
        boolean fixed = (cdb[1] & 0x01) != 0;
        int length = Cdb.u24(cdb, 2);
        if (length == 0) {
            return ScsiResponse.good();
        }
        int blockSize = fixed ? drive.blockLength() : length;
        int count = fixed ? length : 1;
        if (fixed && blockSize == 0) {
            throw ScsiException.invalidCdbField(1, 0);
        }
        boolean lbp = drive.sscPages().lbpWrite();
        int dataSize = lbp ? blockSize - SscModePages.LBP_LENGTH : blockSize;
        if (dataSize > drive.identity().maxBlockLength() || dataSize <= 0) {
            throw ScsiException.invalidCdbField(2, -1);
        }
        long total = (long) blockSize * count;
        if (total > Integer.MAX_VALUE || task.command().dataOut().length() < total) {
            throw ScsiException.invalidCdbField(2, -1); // the Data-Out does not carry what the CDB declares
        }
        if (!drive.writable()) {
            throw drive.notWritable();
        }
        Payload data = task.command().dataOut();
        if (lbp) {
            verifyProtection(data, blockSize, count);
        }
        if (count == 1 && data.length() == dataSize) {
            return writeBlocks(new Payload[] {task.takeDataOut()}, fixed, length); // the common case: as is
        }
        int[] offsets = new int[count];
        int[] lengths = new int[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = i * blockSize;
            lengths[i] = dataSize;
        }
        Payload[] blocks = SlicedPayload.split(task.takeDataOut(), offsets, lengths);
        return writeBlocks(blocks, fixed, length);
    }

    private ScsiResponse writeBlocks(Payload[] blocks, boolean fixed, int length) {
        MountedCartridge c = drive.cartridge();
        boolean earlyWarning = false;
        long bytes = 0;
        for (int i = 0; i < blocks.length; i++) {
            int size = blocks[i].length();
            try {
                earlyWarning |= c.writeBlock(blocks[i]) == WriteOutcome.WRITTEN_EARLY_WARNING;
                bytes += size;
            } catch (MediumException e) {
                for (int j = i + 1; j < blocks.length; j++) {
                    blocks[j].release();
                }
                drive.counters().written(bytes, i);
                SenseData s = drive.sense(e);
                throw new ScsiException(s.withInformation(fixed ? blocks.length - i : length));
            }
        }
        drive.counters().written(bytes, blocks.length);
        if (earlyWarning) {
            throw new ScsiException(SenseData.of(SenseCode.END_OF_PARTITION_DETECTED).withEndOfMedium()
                    .withInformation(0));
        }
        return ScsiResponse.good();
    }

    /** Every block's trailing CRC32C must match its data; otherwise nothing is written. */
    private static void verifyProtection(Payload data, int blockSize, int count) {
        ByteBuffer[] buffers = data.buffers();
        for (int i = 0; i < count; i++) {
            ByteBuffer[] block = SlicedPayload.views(buffers, i * blockSize, blockSize);
            CRC32C crc = new CRC32C();
            int remaining = blockSize - SscModePages.LBP_LENGTH;
            int stored = 0;
            int storedBytes = 0;
            for (ByteBuffer b : block) {
                ByteBuffer d = b.duplicate();
                int take = Math.min(remaining, d.remaining());
                if (take > 0) {
                    crc.update(d.duplicate().limit(d.position() + take));
                    remaining -= take;
                    d.position(d.position() + take);
                }
                while (d.hasRemaining()) {
                    stored |= (d.get() & 0xff) << (8 * storedBytes++);
                }
            }
            if ((int) crc.getValue() != stored) {
                throw new ScsiException(SenseData.of(SenseCode.LOGICAL_BLOCK_GUARD_CHECK_FAILED)
                        .withInformation(i));
            }
        }
    }

    ScsiResponse read(ScsiTask task) {
        byte[] cdb = task.cdb();
        boolean sili = (cdb[1] & 0x02) != 0;
        boolean fixed = (cdb[1] & 0x01) != 0;
        int length = Cdb.u24(cdb, 2);
        if (fixed && sili) {
            throw ScsiException.invalidCdbField(1, 1);
        }
        if (fixed && drive.blockLength() == 0) {
            throw ScsiException.invalidCdbField(1, 0);
        }
        if (length == 0) {
            return ScsiResponse.good();
        }
        int blockSize = fixed ? drive.blockLength() : length;
        int count = fixed ? length : 1;
        long total = (long) blockSize * count;
        if (total > Math.max(task.command().expectedDataInLength(), 0) || total > Integer.MAX_VALUE) {
            throw ScsiException.invalidCdbField(2, -1); // the initiator cannot take what it asks for
        }
        boolean lbp = drive.sscPages().lbpRead();
        BufferPool pool = drive.buffers();
        ByteBuffer buffer = pool.take((int) total);
        try {
            return readBlocks(buffer, blockSize, count, fixed, sili, lbp, length);
        } catch (ScsiException e) {
            if (e.dataIn() == Payload.EMPTY) {
                pool.give(buffer); // no payload holds the buffer: it goes back now
            }
            throw e;
        } catch (RuntimeException e) {
            pool.give(buffer);
            throw e;
        }
    }

    private ScsiResponse readBlocks(ByteBuffer buffer, int blockSize, int count, boolean fixed, boolean sili,
                                    boolean lbp, int length) {
        MountedCartridge c = drive.cartridge();
        int protection = lbp ? SscModePages.LBP_LENGTH : 0;
        long bytes = 0;
        int blocks = 0;
        try {
            for (int i = 0; i < count; i++) {
                int at = i * blockSize;
                ByteBuffer window = buffer.duplicate().position(at).limit(at + Math.max(blockSize - protection, 0));
                ReadOutcome o;
                try {
                    o = c.read(window);
                } catch (MediumException e) {
                    throw new ScsiException(drive.sense(e).withInformation(fixed ? count - i : length),
                            drive.buffers().payload(buffer, at));
                }
                switch (o.kind()) {
                    case DATA -> {
                        int record = o.recordLength() + protection;
                        int delivered = o.copied();
                        if (lbp && o.copied() == o.recordLength()) {
                            appendCrc(buffer, at, o.copied());
                            delivered += protection;
                        }
                        if (record == blockSize || !fixed) { // fixed mode returns only the blocks before it
                            blocks++;
                            bytes += delivered;
                        }
                        if (record != blockSize) {
                            return incorrectLength(buffer, at, delivered, record, blockSize, i, count, fixed, sili);
                        }
                    }
                    case FILEMARK -> throw new ScsiException(SenseData.of(SenseCode.FILEMARK_DETECTED).withFilemark()
                            .withInformation(fixed ? count - i : length), drive.buffers().payload(buffer, at));
                    case END_OF_DATA -> throw new ScsiException(SenseData.of(SenseCode.END_OF_DATA_DETECTED)
                            .withInformation(fixed ? count - i : length), drive.buffers().payload(buffer, at));
                    default -> throw new ScsiException(SenseData.of(SenseCode.END_OF_PARTITION_MEDIUM_ERROR)
                            .withEndOfMedium().withInformation(fixed ? count - i : length),
                            drive.buffers().payload(buffer, at));
                }
            }
            return ScsiResponse.good(drive.buffers().payload(buffer, blockSize * count));
        } finally {
            drive.counters().read(bytes, blocks);
        }
    }

    /**
     * SSC-5 4.2.22 / 6.14: variable mode reports requested minus actual length (negative for an overlength
     * block; SILI suppresses only the underlength report); fixed mode reports the blocks not transferred,
     * not counting the incorrect-length block, and returns the blocks before it.
     */
    private ScsiResponse incorrectLength(ByteBuffer buffer, int at, int delivered, int record, int blockSize, int index,
                                         int count, boolean fixed, boolean sili) {
        if (!fixed) {
            if (record < blockSize && sili) {
                return ScsiResponse.good(drive.buffers().payload(buffer, delivered));
            }
            throw new ScsiException(SenseData.of(SenseCode.NO_SENSE).withIncorrectLength()
                    .withInformation(blockSize - record), drive.buffers().payload(buffer, delivered));
        }
        throw new ScsiException(SenseData.of(SenseCode.NO_SENSE).withIncorrectLength()
                .withInformation(count - index), drive.buffers().payload(buffer, at));
    }

    private static void appendCrc(ByteBuffer buffer, int at, int length) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.duplicate().position(at).limit(at + length));
        buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).putInt(at + length, (int) crc.getValue());
    }
}
