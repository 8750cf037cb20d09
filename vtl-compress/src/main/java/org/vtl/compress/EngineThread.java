package org.vtl.compress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine thread: takes requests from the submission queue and runs them on its own {@link BlockCompressor}
 * until the engine stops. Its own class so the engine can tell when a listener submits from inside the engine.
 */
final class EngineThread extends Thread {

    private static final Logger LOG = LoggerFactory.getLogger(EngineThread.class);

    private final CompressionEngine engine;

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
            while (true) {
                CompressJob job;
                try {
                    job = queue.take();
                } catch (InterruptedException e) {
                    LOG.warn("{} interrupted; draining stops only through shutdown", getName());
                    continue;
                }
                if (job == null) {
                    return;
                }
                engine.run(job, compressor);
            }
        }
    }
}
