package org.vtl.scsi.identity;

import java.util.List;

import org.vtl.cartridge.MediaType;

/**
 * LTO generations as drives see them: density code (SSC-5 Annex / LTO density codes), recording density,
 * tracks, native capacity, the density name REPORT DENSITY SUPPORT shows, and which media generations a
 * drive of this generation writes and reads (LTO-5..7: write n-1, read n-2; LTO-8/9: write and read n-1
 * only, LTO-9 no longer reads LTO-7).
 */
public enum LtoGeneration {
    LTO5(MediaType.LTO5, 15142, 1280, "U-516", "LTO-5"),
    LTO6(MediaType.LTO6, 15142, 2176, "U-616", "LTO-6"),
    LTO7(MediaType.LTO7, 19107, 3584, "U-732", "LTO-7"),
    LTO8(MediaType.LTO8, 20668, 6656, "U-832", "LTO-8"),
    LTO9(MediaType.LTO9, 23031, 8960, "U-932", "LTO-9");

    private final MediaType mediaType;
    private final int bitsPerMm;
    private final int tracks;
    private final String densityName;
    private final String description;

    LtoGeneration(MediaType mediaType, int bitsPerMm, int tracks, String densityName, String description) {
        this.mediaType = mediaType;
        this.bitsPerMm = bitsPerMm;
        this.tracks = tracks;
        this.densityName = densityName;
        this.description = description;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public int number() {
        return mediaType.generation();
    }

    public int densityCode() {
        return mediaType.densityCode();
    }

    public int bitsPerMm() {
        return bitsPerMm;
    }

    public int tracks() {
        return tracks;
    }

    public String densityName() {
        return densityName;
    }

    public String description() {
        return description;
    }

    /** Native capacity in megabytes (10^6 bytes), as REPORT DENSITY SUPPORT reports it. */
    public long capacityMegabytes() {
        return mediaType.nativeCapacity() / 1_000_000L;
    }

    public static LtoGeneration of(MediaType type) {
        return values()[type.ordinal()];
    }

    /** Generations whose media this drive writes, newest first. */
    public List<LtoGeneration> writable() {
        return ordinal() == 0 ? List.of(this) : List.of(this, values()[ordinal() - 1]);
    }

    /** Generations whose media this drive reads, newest first. */
    public List<LtoGeneration> readable() {
        if (number() >= 8 || ordinal() < 2) {
            return writable();
        }
        return List.of(this, values()[ordinal() - 1], values()[ordinal() - 2]);
    }

    public boolean canRead(MediaType type) {
        return readable().contains(of(type));
    }

    public boolean canWrite(MediaType type) {
        return writable().contains(of(type));
    }
}
