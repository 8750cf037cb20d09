package org.vtl.compress;

/**
 * One engine thread: takes requests from the submission queue and runs them on its own {@link BlockCompressor}
 * until the engine stops. Its own class so the engine can tell when a listener submits from inside the engine.
 */
final class EngineThread extends Thread {

    /**
     * How long an idle thread spins ({@code Thread.onSpinWait}) before it parks, if no other idle thread is spinning:
     * long enough to catch the next block of a submitter that waits for each completion (the round trip of
     * {@code HandOffBenchmark} fell from 58 to 29 µs with a spin of this order), short enough that an idle engine
     * costs nothing measurable. Only one idle thread spins at a time. Not on two cores or fewer: there the spinning
     * thread takes the core that the drive, the iSCSI event loop or the other engine thread needs (end to end on
     * the 2-core machine, A/B in one session: 0.61-0.78 target CPU s/GB written without the spin, 0.76-0.90 with).
     */
    static final long IDLE_SPIN_NANOS = Runtime.getRuntime().availableProcessors() > 2 ? 50_000 : 0;

    private final CompressionEngine engine;
    /** Written under the queue's monitor; read while spinning and parking. True while on the idle stack. */
    volatile boolean idle;

    EngineThread(CompressionEngine engine, String name) {
        super(name);
        this.engine = engine;
        setDaemon(true);
    }

    @Override
    public void run() {
        EngineConfig config = engine.config();
        try (BlockCompressor compressor = new BlockCompressor(config.passThrough(), config.maxBlockLength())) {
            SubmissionQueue queue = engine.queue();
            int sampling = config.latencySampling();
            int untimed = 0; // the first request is timed, then one in `sampling`
            CompressJob job;
            while ((job = queue.take(this, IDLE_SPIN_NANOS)) != null) {
                boolean timed = untimed == 0;
                untimed = timed ? sampling - 1 : untimed - 1;
                engine.run(job, compressor, timed);
            }
        }
    }
}
