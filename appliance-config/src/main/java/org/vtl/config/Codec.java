package org.vtl.config;

import java.util.Locale;

/** The compression engine's codec: zstd, or none (blocks stored raw). */
public enum Codec {
    ZSTD,
    NONE;

    /** Written in lower case in the file, as codec names usually are. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
