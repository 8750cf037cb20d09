package org.vtl.catalog;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link KeyValueStore} on RocksDB, one database directory, default column family, bytewise comparator.
 * Writes go through the write-ahead log; {@link #sync()} and synced writes fsync it ({@code FlushWAL(true)}),
 * so a batch acknowledged with {@code sync=true} survives a process kill and a power loss.
 */
public final class RocksKeyValueStore implements KeyValueStore {

    private static final Logger LOG = LoggerFactory.getLogger(RocksKeyValueStore.class);

    static {
        RocksDB.loadLibrary();
    }

    private final Path directory;
    private final Options options;
    private final RocksDB db;
    private final WriteOptions synced;
    private final WriteOptions unsynced = new WriteOptions().setSync(false);
    private final boolean fsync;
    private volatile boolean closed;

    private RocksKeyValueStore(Path directory, Options options, RocksDB db, boolean fsync) {
        this.directory = directory;
        this.options = options;
        this.db = db;
        this.fsync = fsync;
        this.synced = new WriteOptions().setSync(fsync);
    }

    /** Opens (creating if needed) the database in {@code directory}, syncing the WAL where asked. */
    public static RocksKeyValueStore open(Path directory) {
        return open(directory, true);
    }

    /**
     * Opens the database; with {@code fsync} false, "synced" writes and {@link #sync()} only reach the operating
     * system (they survive a process kill, not a power loss). For tests of semantics, never for an appliance.
     */
    public static RocksKeyValueStore open(Path directory, boolean fsync) {
        Options options = new Options().setCreateIfMissing(true).setParanoidChecks(true)
                .setMaxOpenFiles(256).setKeepLogFileNum(4);
        try {
            Files.createDirectories(directory);
            RocksDB db = RocksDB.open(options, directory.toString());
            LOG.info("catalog opened at {}", directory);
            return new RocksKeyValueStore(directory, options, db, fsync);
        } catch (RocksDBException | java.io.IOException e) {
            options.close();
            throw new CatalogException("cannot open catalog at " + directory, e);
        }
    }

    @Override
    public byte[] get(byte[] key) {
        try {
            return db.get(key);
        } catch (RocksDBException e) {
            throw new CatalogException("catalog read failed", e);
        }
    }

    @Override
    public void scan(byte[] from, byte[] to, EntryVisitor visitor) {
        try (Slice upper = new Slice(to); ReadOptions ro = new ReadOptions().setIterateUpperBound(upper);
             RocksIterator it = db.newIterator(ro)) {
            for (it.seek(from); it.isValid(); it.next()) {
                if (!visitor.visit(it.key(), it.value())) {
                    return;
                }
            }
            check(it);
        }
    }

    @Override
    public boolean last(byte[] from, byte[] to, EntryVisitor visitor) {
        try (Slice lower = new Slice(from); Slice upper = new Slice(to);
             ReadOptions ro = new ReadOptions().setIterateLowerBound(lower).setIterateUpperBound(upper);
             RocksIterator it = db.newIterator(ro)) {
            it.seekToLast();
            if (it.isValid()) {
                visitor.visit(it.key(), it.value());
                return true;
            }
            check(it);
            return false;
        }
    }

    private static void check(RocksIterator it) {
        try {
            it.status();
        } catch (RocksDBException e) {
            throw new CatalogException("catalog scan failed", e);
        }
    }

    @Override
    public KeyValueBatch newBatch() {
        return new Batch();
    }

    @Override
    public void write(KeyValueBatch batch, boolean sync) {
        try {
            db.write(sync ? synced : unsynced, ((Batch) batch).batch);
        } catch (RocksDBException e) {
            throw new CatalogException("catalog batch write failed", e);
        }
    }

    @Override
    public void sync() {
        try {
            db.flushWal(fsync);
        } catch (RocksDBException e) {
            throw new CatalogException("catalog WAL sync failed", e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            db.flushWal(true);
            db.closeE();
        } catch (RocksDBException e) {
            throw new CatalogException("catalog close failed at " + directory, e);
        } finally {
            synced.close();
            unsynced.close();
            options.close();
        }
    }

    /** A RocksDB write batch. */
    private static final class Batch implements KeyValueBatch {
        private final WriteBatch batch = new WriteBatch();

        @Override
        public void put(byte[] key, byte[] value) {
            try {
                batch.put(key, value);
            } catch (RocksDBException e) {
                throw new CatalogException("batch put failed", e);
            }
        }

        @Override
        public void put(ByteBuffer key, ByteBuffer value) {
            try {
                batch.put(key, value);
            } catch (RocksDBException e) {
                throw new CatalogException("batch put failed", e);
            }
        }

        @Override
        public void delete(byte[] key) {
            try {
                batch.delete(key);
            } catch (RocksDBException e) {
                throw new CatalogException("batch delete failed", e);
            }
        }

        @Override
        public void deleteRange(byte[] from, byte[] to) {
            try {
                batch.deleteRange(from, to);
            } catch (RocksDBException e) {
                throw new CatalogException("batch delete range failed", e);
            }
        }

        @Override
        public int count() {
            return batch.count();
        }

        @Override
        public void close() {
            batch.close();
        }
    }
}
