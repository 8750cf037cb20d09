package org.vtl.cartridge.segment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A {@link BlockCodec} on the JDK's deflate, reusing one {@link Deflater} and one {@link Inflater} (no
 * allocation per block). It stands in for the compression engine where that is not wired, and keeps the
 * compressed path of the cartridge log tested.
 */
public final class DeflateCodec implements BlockCodec {

    public static final int ID = 1;

    private static final ByteBuffer NO_INPUT = ByteBuffer.allocate(0);

    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    private final Inflater inflater = new Inflater(true);

    @Override
    public int id() {
        return ID;
    }

    @Override
    public int compress(ByteBuffer[] source, int length, ByteBuffer destination) {
        int limit = destination.limit();
        // Worth storing compressed only if it shrinks.
        destination.limit(Math.min(limit, destination.position() + Math.max(0, length - 1)));
        try {
            return deflate(source, destination);
        } finally {
            destination.limit(limit);
        }
    }

    private int deflate(ByteBuffer[] source, ByteBuffer destination) {
        int start = destination.position();
        deflater.reset();
        boolean fits = true;
        for (int i = 0; i < source.length && fits; i++) {
            ByteBuffer b = source[i];
            int position = b.position();
            deflater.setInput(b);
            while (fits && !deflater.needsInput()) {
                deflater.deflate(destination, Deflater.NO_FLUSH);
                fits = destination.hasRemaining() || deflater.needsInput();
            }
            // The deflater moves its input buffer's position, even later: detach it before restoring.
            deflater.setInput(NO_INPUT);
            b.position(position);
        }
        if (fits) {
            deflater.finish();
            while (fits && !deflater.finished()) {
                fits = destination.hasRemaining();
                if (fits) {
                    deflater.deflate(destination, Deflater.NO_FLUSH);
                }
            }
        }
        if (!fits) {
            destination.position(start);
            return -1;
        }
        return destination.position() - start;
    }

    @Override
    public void decompress(ByteBuffer source, ByteBuffer destination, int length) throws IOException {
        inflater.reset();
        inflater.setInput(source);
        int start = destination.position();
        try {
            while (!inflater.finished() && destination.position() - start < length) {
                int n = inflater.inflate(destination);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
            }
        } catch (DataFormatException e) {
            throw new IOException("stored block does not inflate", e);
        }
        if (destination.position() - start != length) {
            throw new IOException("stored block inflates to " + (destination.position() - start) + " bytes, not "
                    + length);
        }
    }
}
