package org.vtl.raid.io;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One member disk: a FileChannel over a (sparse) regular file or a block device, opened with O_DIRECT
 * when asked and allowed. With O_DIRECT every buffer, offset and length must be 4 KiB aligned; the pool
 * only issues such I/O. Positional reads and writes are thread-safe; {@link #writeGathered} uses the
 * channel position and must be called from one thread (the member's writer).
 */
public final class MemberFile implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;
    private final boolean direct;
    private final ByteBuffer superblockBuffer = aligned(2 * SuperblockDescriptor.SIZE);

    private MemberFile(Path path, FileChannel channel, boolean direct) {
        this.path = path;
        this.channel = channel;
        this.direct = direct;
    }

    /** Opens an existing member file or device for reading and writing. */
    public static MemberFile open(Path path, IoMode mode) throws IOException {
        if (mode != IoMode.BUFFERED) {
            try {
                FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        ExtendedOpenOption.DIRECT);
                return new MemberFile(path, ch, true);
            } catch (IOException | UnsupportedOperationException e) {
                if (mode == IoMode.DIRECT) {
                    throw new IOException(path + ": O_DIRECT refused: " + e.getMessage(), e);
                }
            }
        }
        return new MemberFile(path, FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE), false);
    }

    /** A direct buffer of {@code size} bytes aligned to 4 KiB, usable for O_DIRECT I/O. */
    public static ByteBuffer aligned(int size) {
        return ByteBuffer.allocateDirect(size + 4096).alignedSlice(4096).limit(size);
    }

    public Path path() {
        return path;
    }

    /** Whether the member was opened with O_DIRECT. */
    public boolean direct() {
        return direct;
    }

    public long size() throws IOException {
        return channel.size();
    }

    /** Writes all of {@code buffers} contiguously at {@code position} with gathered writes. Single writer only. */
    public void writeGathered(ByteBuffer[] buffers, long position) throws IOException {
        long remaining = 0;
        for (ByteBuffer b : buffers) {
            remaining += b.remaining();
        }
        channel.position(position);
        while (remaining > 0) {
            long n = channel.write(buffers);
            if (n <= 0) {
                throw new IOException(path + ": gathered write made no progress at " + position);
            }
            remaining -= n;
        }
    }

    /** Writes all of {@code src} at {@code position}. */
    public void write(ByteBuffer src, long position) throws IOException {
        long at = position;
        while (src.hasRemaining()) {
            at += channel.write(src, at);
        }
    }

    /** Fills {@code dst} from {@code position}, or throws EOFException. */
    public void read(ByteBuffer dst, long position) throws IOException {
        long at = position;
        while (dst.hasRemaining()) {
            int n = channel.read(dst, at);
            if (n < 0) {
                throw new EOFException(path + ": end of member at " + at);
            }
            at += n;
        }
    }

    /** Makes written data durable (fdatasync). */
    public void force() throws IOException {
        channel.force(false);
    }

    /** The freshest valid superblock copy, or null if neither copy is valid. */
    public synchronized Superblock readSuperblock() throws IOException {
        if (channel.size() < 2L * SuperblockDescriptor.SIZE) {
            return null;
        }
        superblockBuffer.clear();
        read(superblockBuffer, 0);
        Superblock best = null;
        for (int copy = 0; copy < 2; copy++) {
            ByteBuffer view = superblockBuffer.slice(copy * SuperblockDescriptor.SIZE, SuperblockDescriptor.SIZE);
            Superblock sb = SuperblockDescriptor.decode(view);
            if (sb != null && (best == null || sb.generation() > best.generation())) {
                best = sb;
            }
        }
        return best;
    }

    /** Writes the copy for the superblock's generation and makes it durable. */
    public synchronized void writeSuperblock(Superblock sb) throws IOException {
        ByteBuffer view = superblockBuffer.clear().slice(0, SuperblockDescriptor.SIZE);
        SuperblockDescriptor.encode(sb, view);
        write(view, SuperblockDescriptor.copyOffset(sb.generation()));
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
