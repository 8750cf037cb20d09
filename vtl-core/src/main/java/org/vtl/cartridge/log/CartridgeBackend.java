package org.vtl.cartridge.log;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vtl.cartridge.CartridgeInfo;
import org.vtl.cartridge.segment.BlockCodec;
import org.vtl.cartridge.segment.BlockRecordDescriptor;
import org.vtl.cartridge.segment.SegmentDescriptor;
import org.vtl.cartridge.segment.SegmentStore;
import org.vtl.cartridge.segment.StoredExtent;
import org.vtl.catalog.Catalog;
import org.vtl.catalog.CartridgeRecord;
import org.vtl.catalog.CatalogBatch;
import org.vtl.catalog.ExtentRecord;
import org.vtl.catalog.PartitionState;

/**
 * What every library partition's cartridge store shares: the catalog, the segment store (pool) and the codec.
 * Opening it recovers: the extents the catalog lists are live, every other byte of the pool is free, so
 * segments written after the last commit before a crash cost nothing. Thread-safe. Owns the read-ahead
 * threads (daemon, "segment-read-ahead"), stopped by {@link #close()}.
 */
public final class CartridgeBackend implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CartridgeBackend.class);

    private final Catalog catalog;
    private final SegmentStore segments;
    private final LongFunction<BlockCodec> codecs;
    private final LogConfig config;
    private final AtomicLong nextExtent;
    private final AtomicLong nextCartridge;
    private final Set<String> mounted = ConcurrentHashMap.newKeySet();
    private final Map<String, LogMountedCartridge> loaded = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> usedByOwner = new ConcurrentHashMap<>();
    private final ExecutorService readAhead = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "segment-read-ahead");
        t.setDaemon(true);
        return t;
    });

    private CartridgeBackend(Catalog catalog, SegmentStore segments, LongFunction<BlockCodec> codecs, LogConfig config,
                             long nextExtent, long nextCartridge) {
        this.catalog = catalog;
        this.segments = segments;
        this.codecs = codecs;
        this.config = config;
        this.nextExtent = new AtomicLong(nextExtent);
        this.nextCartridge = new AtomicLong(nextCartridge);
    }

    /**
     * Opens the backend over an open catalog and segment store and recovers the pool's allocation from the
     * catalog.
     *
     * @param codecs makes the codec of a cartridge being mounted (by cartridge id); closed at unmount
     */
    public static CartridgeBackend open(Catalog catalog, SegmentStore segments, LongFunction<BlockCodec> codecs,
                                        LogConfig config) throws IOException {
        if (config.policy().maxBlockSize() > maxBlockSize(segments.segmentCapacity())) {
            throw new IllegalArgumentException("segment capacity " + segments.segmentCapacity() + " holds blocks up to "
                    + maxBlockSize(segments.segmentCapacity()) + " bytes, not " + config.policy().maxBlockSize()
                    + ": lower CapacityPolicy.maxBlockSize or use larger stripes");
        }
        List<StoredExtent> live = new ArrayList<>();
        long[] maxExtent = {0};
        catalog.extents(e -> {
            live.add(new StoredExtent(e.address(), e.length()));
            maxExtent[0] = Math.max(maxExtent[0], e.id());
        });
        segments.recover(live);
        long maxCartridge = 0;
        CartridgeBackend backend = new CartridgeBackend(catalog, segments, codecs, config, maxExtent[0] + 1, 1);
        for (CartridgeRecord c : catalog.cartridges()) {
            maxCartridge = Math.max(maxCartridge, c.id());
            backend.addUsage(c.owner(), backend.storedBytes(c));
        }
        backend.nextCartridge.set(maxCartridge + 1);
        LOG.info("cartridge backend opened: {} extents live, {} bytes free", live.size(), segments.freeBytes());
        return backend;
    }

    /**
     * The largest block a segment of {@code segmentCapacity} bytes holds (a block never spans segments): the
     * capacity less the segment header, the record header and the end-of-data record a sync point appends.
     * What READ BLOCK LIMITS should report; a pool of k data members with chunk c has segments of k x c bytes.
     */
    public static int maxBlockSize(int segmentCapacity) {
        return segmentCapacity - SegmentDescriptor.HEADER_LENGTH - 2 * BlockRecordDescriptor.HEADER_LENGTH;
    }

    /** The extents the catalog holds: what a pool must treat as allocated when it is opened. */
    public static List<StoredExtent> liveExtents(Catalog catalog) {
        List<StoredExtent> live = new ArrayList<>();
        catalog.extents(e -> live.add(new StoredExtent(e.address(), e.length())));
        return live;
    }

    /** The cartridge store of one library partition. */
    public LogCartridgeStore store(String owner, long quota) {
        return new LogCartridgeStore(this, owner, quota);
    }

    /**
     * Moves an unmounted cartridge to another library partition (import/export through mail slots, the vault
     * shelf), with its stored bytes counted against the new owner's quota from now on; durable when it returns.
     *
     * @return false when the cartridge is absent or mounted
     */
    public boolean changeOwner(String barcode, String newOwner) {
        LogCartridgeStore.checkOwner(newOwner);
        synchronized (this) {
            var found = catalog.cartridge(barcode);
            if (found.isEmpty() || !tryMount(barcode)) {
                return false;
            }
            try {
                CartridgeRecord r = found.get();
                try (CatalogBatch batch = catalog.batch()) {
                    batch.putCartridge(new CartridgeRecord(r.id(), r.info(), newOwner, r.partitionCount()));
                    catalog.commit(batch, true);
                }
                long stored = storedBytes(r);
                addUsage(r.owner(), -stored);
                addUsage(newOwner, stored);
                return true;
            } finally {
                unmount(barcode);
            }
        }
    }

    /** The catalog this backend keeps its cartridges in (shared with the library layer's state). */
    public Catalog catalog() {
        return catalog;
    }

    SegmentStore segments() {
        return segments;
    }

    BlockCodec newCodec(long cartridge) {
        return codecs.apply(cartridge);
    }

    ExecutorService readAheadExecutor() {
        return readAhead;
    }

    LogConfig config() {
        return config;
    }

    long allocateExtentId() {
        return nextExtent.getAndIncrement();
    }

    long allocateCartridgeId() {
        return nextCartridge.getAndIncrement();
    }

    /** Marks a cartridge mounted; false when it already is. */
    boolean tryMount(String barcode) {
        return mounted.add(barcode);
    }

    void unmount(String barcode) {
        mounted.remove(barcode);
    }

    void loaded(LogMountedCartridge cartridge) {
        loaded.put(cartridge.info().barcode(), cartridge);
    }

    void unloaded(String barcode) {
        loaded.remove(barcode);
    }

    /** Tells a loaded cartridge that its record changed (write-protect tab), so writes need no catalog read. */
    void infoChanged(CartridgeInfo info) {
        LogMountedCartridge c = loaded.get(info.barcode());
        if (c != null) {
            c.updateInfo(info);
        }
    }

    boolean isMounted(String barcode) {
        return mounted.contains(barcode);
    }

    /** Stored payload bytes of the owner's cartridges (what its quota limits). */
    long usage(String owner) {
        return usedByOwner.computeIfAbsent(owner, o -> new AtomicLong()).get();
    }

    void addUsage(String owner, long delta) {
        usedByOwner.computeIfAbsent(owner, o -> new AtomicLong()).addAndGet(delta);
    }

    long storedBytes(CartridgeRecord c) {
        long sum = 0;
        for (int p = 0; p < c.partitionCount(); p++) {
            PartitionState s = catalog.partition(c.id(), p);
            if (s != null) {
                sum += s.storedBytes();
            }
        }
        return sum;
    }

    /** Frees extents whose last reference was dropped by a batch that is already durable. */
    void free(List<ExtentRecord> extents) {
        for (ExtentRecord e : extents) {
            try {
                segments.free(new StoredExtent(e.address(), e.length()));
            } catch (IOException ex) {
                LOG.warn("extent {} could not be freed now; it is reclaimed at the next start", e.id(), ex);
            }
        }
    }

    @Override
    public void close() throws IOException {
        readAhead.shutdownNow();
        try {
            segments.close();
        } finally {
            catalog.close();
        }
    }
}
