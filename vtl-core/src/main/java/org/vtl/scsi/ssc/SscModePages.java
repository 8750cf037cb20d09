package org.vtl.scsi.ssc;

import java.util.List;

import org.vtl.cartridge.MountedCartridge;
import org.vtl.scsi.Cdb;
import org.vtl.scsi.ScsiException;
import org.vtl.scsi.spc.ModePage;

/**
 * The tape drive's mode pages (SSC-5 8.3): data compression 0Fh (DCE on at power-on; turning it off or on
 * drives the cartridge's compression), device configuration 10h (SELECT DATA COMPRESSION ALGORITHM mirrors
 * DCE), medium partition 11h (the loaded cartridge's partitions; a select is kept for FORMAT MEDIUM), and the
 * control data protection subpage 0Ah/F0h (logical block protection with CRC32C, method 02h).
 */
final class SscModePages {

    /** LBP method CRC32C (SSC-5 Table 184) and its length. */
    static final int LBP_CRC32C = 0x02;
    static final int LBP_LENGTH = 4;

    private final TapeDrive drive;
    private final int maxPartitions;
    private volatile boolean compression = true;
    private volatile boolean lbpWrite;
    private volatile boolean lbpRead;
    private volatile long[] requestedPartitions;

    SscModePages(TapeDrive drive) {
        this.drive = drive;
        this.maxPartitions = drive.identity().generation().mediaType().maxPartitions();
    }

    boolean compression() {
        return compression;
    }

    boolean lbpWrite() {
        return lbpWrite;
    }

    boolean lbpRead() {
        return lbpRead;
    }

    /** A requested partition size the drive chooses: an equal share of the medium (FDP, SDP). */
    static final long EQUAL_SHARE = -1;

    /**
     * Partition sizes in bytes from the last MODE SELECT of page 11h, or null: what FORMAT MEDIUM 1h/2h applies.
     * 0 is "the rest of the medium", {@link #EQUAL_SHARE} an equal share.
     */
    long[] requestedPartitions() {
        return requestedPartitions;
    }

    List<ModePage> pages() {
        return List.of(dataCompression(), deviceConfiguration(), mediumPartition(), controlDataProtection());
    }

    private void setCompression(boolean on) {
        compression = on;
        MountedCartridge c = drive.cartridge();
        if (c != null) {
            c.setCompression(on);
        }
    }

    /** SSC-5 8.3.4, Table 189: DCE (changeable), DCC=1, DDE=1, algorithm 01h (default). */
    private ModePage dataCompression() {
        byte[] d = ModePage.page(0x0F, 0, 0x0E);
        d[2] = (byte) 0xC0;
        d[3] = (byte) 0x80;
        Cdb.put32(d, 4, 1);
        Cdb.put32(d, 8, 1);
        byte[] c = new byte[d.length];
        c[2] = (byte) 0x80;
        return new ModePage(0x0F, 0, d, c, page -> {
            page[2] = (byte) (compression ? 0xC0 : 0x40);
            return page;
        }, ModePage.SelectAction.applying(page -> setCompression((page[2] & 0x80) != 0)));
    }

    /** SSC-5 8.3.5, Table 191: EEG and SEW set; SELECT DATA COMPRESSION ALGORITHM 00h/01h (changeable). */
    private ModePage deviceConfiguration() {
        byte[] d = ModePage.page(0x10, 0, 0x0E);
        d[10] = 0x18; // EEG, SEW
        d[14] = 0x01;
        byte[] c = new byte[d.length];
        c[14] = (byte) 0xff;
        return new ModePage(0x10, 0, d, c, page -> {
            MountedCartridge m = drive.ready() ? drive.cartridge() : null;
            page[3] = (byte) (m == null ? 0 : m.position().partition()); // ACTIVE PARTITION
            page[14] = (byte) (compression ? 1 : 0);
            return page;
        }, ModePage.SelectAction.of((page, offset) -> {
            if ((page[14] & 0xff) > 1) {
                throw ScsiException.invalidParameterField(offset + 14, -1);
            }
        }, page -> setCompression(page[14] == 1)));
    }

    /**
     * SSC-5 8.3.6, Table 193: MAXIMUM ADDITIONAL PARTITIONS per generation, sizes reported with PSUM 11b and
     * PARTITION UNITS 9 (10^9 bytes). Selectable: ADDITIONAL PARTITIONS DEFINED, FDP/SDP/IDP, PSUM, POFM, units,
     * sizes.
     */
    private ModePage mediumPartition() {
        byte[] d = ModePage.page(0x11, 0, 6 + 2 * maxPartitions);
        d[2] = (byte) (maxPartitions - 1);
        d[4] = (byte) 0x1C; // PSUM 11b, POFM
        d[5] = 0x03; // MEDIUM FORMAT RECOGNITION: format and partition recognition
        d[6] = 0x09;
        byte[] c = new byte[d.length];
        c[3] = (byte) 0xff;
        c[4] = (byte) 0xFC;
        c[6] = 0x0f;
        for (int i = 8; i < c.length; i++) {
            c[i] = (byte) 0xff;
        }
        // Linux st (partition_tape) selects the page with two partition size descriptors whatever the maximum:
        // descriptors left out are zero, as on IBM and HPE LTO drives.
        return new ModePage(0x11, 0, d, c, this::partitionView, ModePage.SelectAction.of(
                (page, offset) -> requestedSizes(page, offset), page -> requestedPartitions = requestedSizes(page, 0)),
                8);
    }

    private byte[] partitionView(byte[] page) {
        MountedCartridge m = drive.ready() ? drive.cartridge() : null;
        if (m == null) {
            return page;
        }
        int count = m.partitionCount();
        page[3] = (byte) (count - 1);
        page[4] = (byte) 0x1C;
        page[6] = 0x09;
        for (int p = 0; p < maxPartitions; p++) {
            long gb = p < count ? m.capacity(p).total() / 1_000_000_000L : 0;
            Cdb.put16(page, 8 + 2 * p, (int) Math.min(gb, 0xFFFE));
        }
        return page;
    }

    private long[] requestedSizes(byte[] page, int offset) {
        int additional = page[3] & 0xff;
        if (additional >= maxPartitions) {
            throw ScsiException.invalidParameterField(offset + 3, -1);
        }
        boolean fdp = (page[4] & 0x80) != 0;
        boolean sdp = (page[4] & 0x40) != 0;
        boolean idp = (page[4] & 0x20) != 0;
        if ((fdp ? 1 : 0) + (sdp ? 1 : 0) + (idp ? 1 : 0) > 1) {
            throw ScsiException.invalidParameterField(offset + 4, -1);
        }
        long[] sizes = new long[additional + 1];
        java.util.Arrays.fill(sizes, EQUAL_SHARE);
        if (idp) {
            long unit = unitBytes((page[4] & 0x18) >>> 3, page[6] & 0x0f);
            for (int p = 0; p <= additional; p++) {
                int v = Cdb.u16(page, 8 + 2 * p);
                sizes[p] = v == 0xFFFF ? 0 : v * unit; // FFFFh: the rest of the medium
            }
        }
        return fdp ? new long[] {EQUAL_SHARE, EQUAL_SHARE} : sizes;
    }

    /** PSUM 00b bytes, 01b kilobytes, 10b megabytes, 11b 10^PARTITION UNITS bytes (SSC-5 8.3.6). */
    private static long unitBytes(int psum, int units) {
        return switch (psum) {
            case 0 -> 1;
            case 1 -> 1_000L;
            case 2 -> 1_000_000L;
            default -> (long) Math.pow(10, units);
        };
    }

    /** SSC-5 8.3.9, Table 200 (sub_page format): method, length, LBP_W, LBP_R changeable. */
    private ModePage controlDataProtection() {
        byte[] d = ModePage.page(0x0A, 0xF0, 0x1C);
        byte[] c = ModePage.page(0x0A, 0xF0, 0x1C);
        for (int i = 0; i < 4; i++) {
            c[i] = 0;
        }
        c[4] = (byte) 0xff;
        c[5] = 0x3f;
        c[6] = (byte) 0xC0;
        return new ModePage(0x0A, 0xF0, d, c, page -> page, ModePage.SelectAction.of((page, offset) -> {
            int method = page[4] & 0xff;
            if (method != 0 && method != LBP_CRC32C) {
                throw ScsiException.invalidParameterField(offset + 4, -1);
            }
            if (method == LBP_CRC32C && (page[5] & 0x3f) != LBP_LENGTH) {
                throw ScsiException.invalidParameterField(offset + 5, -1);
            }
        }, page -> {
            int method = page[4] & 0xff;
            lbpWrite = method != 0 && (page[6] & 0x80) != 0;
            lbpRead = method != 0 && (page[6] & 0x40) != 0;
        }));
    }

    void reset() {
        compression = true;
        lbpWrite = false;
        lbpRead = false;
        requestedPartitions = null;
    }
}
