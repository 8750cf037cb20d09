package org.vtl.compress;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Block compression engine shaped like an offload card: callers submit requests (compress a block into a frame,
 * or decompress a frame into a block) between caller-owned direct buffers to a bounded submission queue, and get a
 * {@link Completion} per request by {@link CompletionListener} callback or {@link CompletableFuture}.
 *
 * <p><b>Threads.</b> This engine owns a fixed set of platform threads ({@link EngineConfig#threads()}, named
 * {@code <name>-engine-N}, daemon), started by {@link #start} and ended by {@link #shutdown()},
 * {@link #shutdownNow()} or {@link #close()}. Each thread owns one {@link BlockCompressor} (reused zstd contexts,
 * CRC, scratch); listeners run on these threads.
 *
 * <p><b>Backpressure.</b> At most {@link EngineConfig#queueDepth()} requests are in flight. {@link #submit} blocks
 * the caller while the engine is full; {@link #trySubmit} returns {@code false} instead (the BUSY answer of a card
 * whose submission ring is full). A blocking submit from an engine thread (inside a listener) that would have to
 * wait throws {@link IllegalStateException}: waiting there could deadlock the engine.
 *
 * <p><b>Ordering.</b> Completions of one {@link CompressionStream} are delivered in submission order, one at a
 * time; different streams' completions interleave freely and requests of all streams run in parallel.
 *
 * <p><b>Buffers.</b> A request works on {@code source} position..limit and writes from {@code destination}'s
 * position; both must be direct. From submission until its completion is delivered the buffers are lent to the
 * engine: the caller must not touch their contents, position or limit (the engine moves position and limit while
 * it checksums and restores them). Concurrent requests therefore need distinct buffer objects (slices). A block
 * to compress may also be given as several pieces ({@link #submit(CompressionStream, ByteBuffer[], int, ByteBuffer,
 * CompletionListener, Object)}), each read from its position to its limit, without being gathered first.
 *
 * <p><b>Shutdown.</b> Every accepted request completes exactly once: {@link #shutdown()} lets queued requests
 * run; {@link #shutdownNow()} completes queued ones with {@link BlockStatus#ABORTED} and lets running ones finish.
 * Submissions after shutdown throw {@link RejectedExecutionException}, including submitters blocked on a full
 * queue. On the success path nothing is allocated per request except by the {@link CompletableFuture} forms.
 */
public final class CompressionEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CompressionEngine.class);
    private static final CompletionListener FUTURE_LISTENER = CompressionEngine::completeFuture;

    private final EngineConfig config;
    private final SubmissionQueue queue;
    private final EngineStats stats;
    private final EngineThread[] threads;
    private final ConcurrentHashMap<Long, CompressionStream> streams = new ConcurrentHashMap<>();

    private CompressionEngine(EngineConfig config, MeterRegistry registry) {
        this.config = config;
        this.queue = new SubmissionQueue(config.queueDepth(), config.threads());
        this.stats = new EngineStats(registry, config.name(), queue);
        this.threads = new EngineThread[config.threads()];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new EngineThread(this, config.name() + "-engine-" + i);
        }
    }

    /** Creates an engine, registers its meters in {@code registry} and starts its threads. */
    public static CompressionEngine start(EngineConfig config, MeterRegistry registry) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(registry, "registry");
        CompressionEngine engine = new CompressionEngine(config, registry);
        for (EngineThread thread : engine.threads) {
            thread.start();
        }
        LOG.info("compression engine {} started: {} threads, queue depth {}", config.name(), config.threads(),
                config.queueDepth());
        return engine;
    }

    public EngineConfig config() {
        return config;
    }

    /** The stream with this id, created with the engine's default codec and level if new. */
    public CompressionStream openStream(long id) {
        return streams.computeIfAbsent(id, key -> new CompressionStream(key, this, config.codec(), config.level()));
    }

    /** Forgets a stream's registration (its in-flight requests still complete). */
    public void closeStream(CompressionStream stream) {
        streams.remove(stream.id(), stream);
    }

    /** Counters of an open stream, for a drive's LOG SENSE Data Compression page. */
    public Optional<StreamStats> streamStats(long id) {
        CompressionStream stream = streams.get(id);
        return stream == null ? Optional.empty() : Optional.of(stream.stats());
    }

    /** Requests in flight now (queued, running, or awaiting delivery). */
    public int inFlight() {
        return queue.inFlight();
    }

    /**
     * Submits a request with the stream's current codec and level, waiting while the engine is full.
     *
     * @throws RejectedExecutionException if the engine is shut down
     * @throws IllegalStateException if called from an engine thread while the engine is full
     */
    public void submit(CompressionStream stream, Operation operation, ByteBuffer source, ByteBuffer destination,
                       CompletionListener listener, Object attachment) throws InterruptedException {
        submit(stream, operation, stream.codec(), stream.level(), source, destination, listener, attachment);
    }

    /** As {@link #submit(CompressionStream, Operation, ByteBuffer, ByteBuffer, CompletionListener, Object)} with an
     * explicit codec and level. */
    public void submit(CompressionStream stream, Operation operation, Codec codec, int level, ByteBuffer source,
                       ByteBuffer destination, CompletionListener listener, Object attachment)
            throws InterruptedException {
        validate(stream, operation, codec, level, source, destination, listener);
        CompressJob job = queue.acquire(false);
        if (job == null) {
            if (Thread.currentThread() instanceof EngineThread) {
                throw new IllegalStateException("engine full: a listener must use trySubmit, not submit");
            }
            job = queue.acquire(true);
        }
        enqueue(job, stream, operation, codec, level, source, destination, listener, attachment);
    }

    /**
     * Submits a request if the engine has room, with the stream's current codec and level.
     *
     * @return false if {@link EngineConfig#queueDepth()} requests are in flight (nothing was submitted)
     * @throws RejectedExecutionException if the engine is shut down
     */
    public boolean trySubmit(CompressionStream stream, Operation operation, ByteBuffer source,
                             ByteBuffer destination, CompletionListener listener, Object attachment) {
        return trySubmit(stream, operation, stream.codec(), stream.level(), source, destination, listener,
                attachment);
    }

    /** As {@link #trySubmit(CompressionStream, Operation, ByteBuffer, ByteBuffer, CompletionListener, Object)} with
     * an explicit codec and level. */
    public boolean trySubmit(CompressionStream stream, Operation operation, Codec codec, int level,
                             ByteBuffer source, ByteBuffer destination, CompletionListener listener,
                             Object attachment) {
        validate(stream, operation, codec, level, source, destination, listener);
        CompressJob job;
        try {
            job = queue.acquire(false);
        } catch (InterruptedException e) {
            throw new AssertionError("non-blocking acquire cannot wait", e);
        }
        if (job == null) {
            return false;
        }
        enqueue(job, stream, operation, codec, level, source, destination, listener, attachment);
        return true;
    }

    /**
     * Submits the compression of one block given as {@code pieces} (each piece's position..limit, in order; an
     * iSCSI WRITE's Data-Out buffers) with the stream's current codec and level, waiting while the engine is full.
     * The pieces are not gathered: zstd streams over them in place (see
     * {@link BlockCompressor#compress(Codec, int, ByteBuffer[], int, ByteBuffer, int, int)}); the frame has the
     * same format as a single-buffer one. The array and every piece are lent to the engine until the completion,
     * whose {@link Completion#sources()} returns the array.
     *
     * @param length the pieces' total length
     * @throws IllegalArgumentException if a piece is not direct or the pieces do not add up to {@code length}
     */
    public void submit(CompressionStream stream, ByteBuffer[] pieces, int length, ByteBuffer destination,
                       CompletionListener listener, Object attachment) throws InterruptedException {
        submit(stream, stream.codec(), stream.level(), pieces, length, destination, listener, attachment);
    }

    /** As {@link #submit(CompressionStream, ByteBuffer[], int, ByteBuffer, CompletionListener, Object)} with an
     * explicit codec and level. */
    public void submit(CompressionStream stream, Codec codec, int level, ByteBuffer[] pieces, int length,
                       ByteBuffer destination, CompletionListener listener, Object attachment)
            throws InterruptedException {
        validatePieces(pieces, length);
        validate(stream, codec, level, destination, listener);
        CompressJob job = queue.acquire(false);
        if (job == null) {
            if (Thread.currentThread() instanceof EngineThread) {
                throw new IllegalStateException("engine full: a listener must use trySubmit, not submit");
            }
            job = queue.acquire(true);
        }
        job.fillPieces(stream, codec, level, pieces, length, destination, listener, attachment);
        append(job);
    }

    /**
     * Submits the compression of a block given in pieces if the engine has room, with the stream's codec and
     * level; see {@link #submit(CompressionStream, ByteBuffer[], int, ByteBuffer, CompletionListener, Object)}.
     *
     * @return false if {@link EngineConfig#queueDepth()} requests are in flight (nothing was submitted)
     */
    public boolean trySubmit(CompressionStream stream, ByteBuffer[] pieces, int length, ByteBuffer destination,
                             CompletionListener listener, Object attachment) {
        Codec codec = stream.codec();
        int level = stream.level();
        validatePieces(pieces, length);
        validate(stream, codec, level, destination, listener);
        CompressJob job;
        try {
            job = queue.acquire(false);
        } catch (InterruptedException e) {
            throw new AssertionError("non-blocking acquire cannot wait", e);
        }
        if (job == null) {
            return false;
        }
        job.fillPieces(stream, codec, level, pieces, length, destination, listener, attachment);
        append(job);
        return true;
    }

    private void validatePieces(ByteBuffer[] pieces, int length) {
        Objects.requireNonNull(pieces, "pieces");
        long total = BlockPieces.length(pieces);
        if (total < 0) {
            throw new IllegalArgumentException("every piece must be a non-null direct buffer");
        }
        if (total != length) {
            throw new IllegalArgumentException("pieces hold " + total + " bytes, not " + length);
        }
        if (length > config.maxBlockLength()) {
            throw new IllegalArgumentException("block of " + length + " bytes is over the engine's "
                    + config.maxBlockLength());
        }
    }

    /**
     * Submits a request and returns a future of its result (allocates the future and the result; the future
     * completes on an engine thread, so dependent stages run there unless made async). Waits while full.
     */
    public CompletableFuture<BlockResult> submit(CompressionStream stream, Operation operation, ByteBuffer source,
                                                 ByteBuffer destination) throws InterruptedException {
        CompletableFuture<BlockResult> future = new CompletableFuture<>();
        submit(stream, operation, source, destination, FUTURE_LISTENER, future);
        return future;
    }

    @SuppressWarnings("unchecked")
    private static void completeFuture(Completion completion) {
        ((CompletableFuture<BlockResult>) completion.attachment()).complete(BlockResult.of(completion));
    }

    private void validate(CompressionStream stream, Operation operation, Codec codec, int level, ByteBuffer source,
                          ByteBuffer destination, CompletionListener listener) {
        Objects.requireNonNull(operation, "operation");
        if (!source.isDirect()) {
            throw new IllegalArgumentException("source must be a direct buffer");
        }
        if (operation == Operation.COMPRESS && source.remaining() > config.maxBlockLength()) {
            throw new IllegalArgumentException("block of " + source.remaining() + " bytes is over the engine's "
                    + config.maxBlockLength());
        }
        validate(stream, codec, level, destination, listener);
    }

    private void validate(CompressionStream stream, Codec codec, int level, ByteBuffer destination,
                          CompletionListener listener) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(listener, "listener");
        if (!destination.isDirect()) {
            throw new IllegalArgumentException("destination must be a direct buffer");
        }
        if (destination.isReadOnly()) {
            throw new IllegalArgumentException("destination is read-only");
        }
        BlockCompressor.checkLevel(codec, level);
    }

    private void enqueue(CompressJob job, CompressionStream stream, Operation operation, Codec codec, int level,
                         ByteBuffer source, ByteBuffer destination, CompletionListener listener,
                         Object attachment) {
        job.fill(stream, operation, codec, level, source, destination, listener, attachment);
        append(job);
    }

    private void append(CompressJob job) {
        job.stream.append(job);
        if (!queue.enqueue(job)) {
            job.fail(BlockStatus.ABORTED);
            finish(job, true);
        }
    }

    /** Runs one request on an engine thread's compressor; {@code timed} records its latency. */
    void run(CompressJob job, BlockCompressor compressor, boolean timed) {
        try {
            if (job.operation == Operation.COMPRESS) {
                int result = job.sources != null
                        ? compressor.encode(job.codec, job.level, job.sources, job.sourceLength, job.destination,
                                job.destinationOffset, job.destinationCapacity)
                        : compressor.encode(job.codec, job.level, job.source, job.sourceOffset, job.sourceLength,
                                job.destination, job.destinationOffset, job.destinationCapacity);
                if (result >= 0) {
                    job.succeed(result, job.sourceLength, compressor.lastFlags(), compressor.lastChecksum());
                } else {
                    job.fail(BlockCompressor.statusOf(result));
                }
            } else {
                int result = compressor.decode(job.source, job.sourceOffset, job.sourceLength, job.destination,
                        job.destinationOffset, job.destinationCapacity);
                if (result >= 0) {
                    int frameLength = BlockCompressor.HEADER_LENGTH + compressor.lastStoredLength();
                    job.succeed(result, frameLength, compressor.lastFlags(), compressor.lastChecksum());
                } else {
                    job.fail(BlockCompressor.statusOf(result));
                }
            }
        } catch (RuntimeException | Error e) {
            LOG.error("compression engine {}: {} on stream {} failed", config.name(), job.operation,
                    job.stream.id(), e);
            job.fail(BlockStatus.INTERNAL_ERROR);
        }
        finish(job, timed);
    }

    private void finish(CompressJob job, boolean timed) {
        stats.record(job, timed);
        job.stream.complete(job);
    }

    /** Calls the listener of a request whose turn has come, then returns the request to the pool. */
    void deliver(CompressJob job) {
        try {
            job.listener.onCompletion(job);
        } catch (Throwable e) { // even an Error: letting it out would stall the stream's later completions
            LOG.error("compression engine {}: listener of stream {} threw", config.name(), job.stream.id(), e);
        } finally {
            queue.release(job);
        }
    }

    SubmissionQueue queue() {
        return queue;
    }

    /** Stops accepting requests; those already accepted still run and complete. Does not wait. */
    public void shutdown() {
        queue.drain();
    }

    /**
     * Stops accepting requests and completes every queued, not yet running request with
     * {@link BlockStatus#ABORTED} (on this thread, still in stream order); running requests finish normally.
     */
    public void shutdownNow() {
        List<CompressJob> unstarted = queue.stop();
        for (CompressJob job : unstarted) {
            job.fail(BlockStatus.ABORTED);
            finish(job, true);
        }
    }

    /**
     * Waits until the engine threads ended and every completion was delivered.
     *
     * @throws IllegalStateException if called from an engine thread (a listener), which would wait for itself
     */
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.currentThread() instanceof EngineThread) {
            throw new IllegalStateException("an engine thread cannot wait for the engine to terminate");
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (EngineThread thread : threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !thread.join(java.time.Duration.ofNanos(left))) {
                return false;
            }
        }
        return queue.awaitIdle(deadline);
    }

    public boolean isTerminated() {
        for (EngineThread thread : threads) {
            if (thread.isAlive()) {
                return false;
            }
        }
        return queue.inFlight() == 0;
    }

    /**
     * Shuts down, lets accepted requests finish for up to 30 seconds, then aborts what is left and waits for the
     * running ones.
     */
    @Override
    public void close() {
        shutdown();
        try {
            if (!awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("compression engine {}: requests still running after 30 s, aborting queued ones",
                        config.name());
                shutdownNow();
                awaitTermination(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdownNow();
        }
        LOG.info("compression engine {} stopped", config.name());
    }
}
