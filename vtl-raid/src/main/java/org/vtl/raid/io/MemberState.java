package org.vtl.raid.io;

/** A member's state as recorded in every superblock of its group. Wire codes are stored on disk. */
public enum MemberState {
    /** Holds valid data for every live stripe. */
    ONLINE(0),
    /** Missing, or failed an I/O; never read or written again until replaced. */
    FAILED(1),
    /** A replacement being rebuilt; valid below its rebuild checkpoint and for new stripes. */
    REBUILDING(2);

    private static final MemberState[] BY_CODE = new MemberState[3];

    static {
        for (MemberState s : values()) {
            if (BY_CODE[s.code] != null) {
                throw new IllegalStateException("duplicate member state code " + s.code);
            }
            BY_CODE[s.code] = s;
        }
    }

    private final int code;

    MemberState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static MemberState of(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("unknown member state code " + code);
        }
        return BY_CODE[code];
    }
}
