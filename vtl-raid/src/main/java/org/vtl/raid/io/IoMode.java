package org.vtl.raid.io;

/** How member files are opened. */
public enum IoMode {
    /** Through the page cache. */
    BUFFERED,
    /** O_DIRECT; opening fails where the filesystem refuses it. */
    DIRECT,
    /** O_DIRECT where the filesystem allows it, else buffered (the default). */
    AUTO
}
