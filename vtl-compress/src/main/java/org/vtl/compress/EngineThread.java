package org.vtl.compress;

/**
 * One engine thread: takes requests from the submission queue and runs them on its own {@link BlockCompressor}
 * until the engine stops. Its own class so the engine can tell when a listener submits from inside the engine.
 */
final class EngineThread extends Thread {

    /**
     * Spin-wait rounds ({@code Thread.onSpinWait}, a few microseconds in all) before an idle thread parks: a
     * request submitted within that time starts without a park/unpark round trip through the kernel. Kept short
     * because on a small machine a spinning engine thread takes a core from the threads that submit.
     */
    static final int IDLE_SPINS = 256;

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
            while ((job = queue.take(this, IDLE_SPINS)) != null) {
                boolean timed = untimed == 0;
                untimed = timed ? sampling - 1 : untimed - 1;
                engine.run(job, compressor, timed);
            }
        }
    }
}
