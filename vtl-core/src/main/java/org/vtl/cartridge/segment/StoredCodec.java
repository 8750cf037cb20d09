package org.vtl.cartridge.segment;

import java.io.IOException;
import java.nio.ByteBuffer;

/** A {@link BlockCodec} that never compresses: every block is stored raw (compression disabled). */
public final class StoredCodec implements BlockCodec {

    public static final int ID = 0;

    @Override
    public int id() {
        return ID;
    }

    @Override
    public int compress(ByteBuffer[] source, int length, ByteBuffer destination) {
        return -1;
    }

    @Override
    public void decompress(ByteBuffer source, ByteBuffer destination, int length) throws IOException {
        throw new IOException("stored codec has nothing to decompress");
    }
}
