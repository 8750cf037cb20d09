package org.vtl.appliance;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The appliance's data directory, held exclusively: an advisory lock on {@code vtl.lock} (a {@link FileLock},
 * released by the kernel if the process dies) keeps a second daemon off the same catalog and pool. The lock
 * file holds the owner's process id so the refusal can name it.
 */
public final class DataDirectory implements AutoCloseable {

    /** The lock file's name inside the data directory. */
    public static final String LOCK_FILE = "vtl.lock";
    /** Where the running daemon writes its admin API address, so {@code vtl --data DIR} finds it. */
    public static final String URL_FILE = "admin.url";

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path path, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates the directory if needed, checks it is writable and takes its lock. */
    public static DataDirectory open(Path dir) throws ApplianceException {
        Path path = dir.toAbsolutePath().normalize();
        create(path);
        Path lockFile = path.resolve(LOCK_FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new ApplianceException("cannot write in data directory " + path + ": " + reason(e));
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ApplianceException("cannot lock " + lockFile + ": " + reason(e));
        }
        if (lock == null) {
            String owner = owner(channel);
            closeQuietly(channel);
            throw new ApplianceException("data directory " + path + " is in use by another vtl serve" + owner
                    + "; stop it first or use another --data directory");
        }
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(true);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ApplianceException("cannot write " + lockFile + ": " + reason(e));
        }
        return new DataDirectory(path, channel, lock);
    }

    private static void create(Path path) throws ApplianceException {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new ApplianceException("data directory " + path + " is not a directory; pass another --data");
        }
        try {
            Files.createDirectories(path);
        } catch (FileAlreadyExistsException e) {
            throw new ApplianceException("data directory " + path + " is not a directory; pass another --data");
        } catch (IOException e) {
            throw new ApplianceException("cannot create data directory " + path + ": " + reason(e)
                    + "; pass a writable --data");
        }
        if (!Files.isWritable(path)) {
            throw new ApplianceException("data directory " + path + " is not writable; pass a writable --data");
        }
    }

    private static String owner(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
            return pid.isEmpty() ? "" : " (pid " + pid + ")";
        } catch (IOException e) {
            return "";
        }
    }

    /** A short reason for an I/O failure, without the exception class. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing after a failure: the first error is the one reported.
        }
    }

    /** The absolute directory. */
    public Path path() {
        return path;
    }

    /** A path inside the directory; absolute {@code name}s stay as they are. */
    public Path resolve(String name) {
        return path.resolve(name);
    }

    /** Releases the lock; the lock file stays (deleting it would race with a starting daemon). */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }
}
