package org.vtl.scsi.spc;

import java.util.ArrayList;
import java.util.List;

/**
 * TapeAlert flags of a drive or changer, reported by log page 2Eh (SSC-5 8.2.3, SMC-3 7.2.3): parameters
 * 0001h..0040h of one byte each. Reading the page clears the flags, as the TapeAlert specification
 * requires (a flag is reported once per occurrence).
 */
public final class TapeAlertFlags implements LogPage {

    /** Drive flag 03h: hard error. */
    public static final int HARD_ERROR = 0x03;
    /** Drive flag 04h: media (unrecoverable read/write error). */
    public static final int MEDIA = 0x04;
    /** Drive flag 09h: write protect. */
    public static final int WRITE_PROTECT = 0x09;
    /** Drive flag 0Fh: cartridge memory failure. */
    public static final int MEMORY_CHIP_IN_CARTRIDGE_FAILURE = 0x0F;
    /** Drive flag 13h: nearing media life (used for early warning). */
    public static final int NEARING_MEDIA_LIFE = 0x13;

    private long flags;

    /** Raises flag {@code n} (1..64). */
    public synchronized void set(int n) {
        if (n < 1 || n > 64) {
            throw new IllegalArgumentException("TapeAlert flag " + n);
        }
        flags |= 1L << (n - 1);
    }

    public synchronized boolean isSet(int n) {
        return (flags & 1L << (n - 1)) != 0;
    }

    @Override
    public int pageCode() {
        return 0x2E;
    }

    @Override
    public synchronized List<LogParameter> parameters() {
        List<LogParameter> out = new ArrayList<>(64);
        for (int n = 1; n <= 64; n++) {
            out.add(new LogParameter(n, LogParameter.COUNTER, new byte[] {(byte) ((flags >>> (n - 1)) & 1)}));
        }
        flags = 0;
        return out;
    }

    @Override
    public synchronized void reset() {
        flags = 0;
    }
}
