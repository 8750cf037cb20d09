package org.vtl.bench.compress;

import java.nio.ByteBuffer;

import org.vtl.compress.Completion;
import org.vtl.compress.CompletionListener;
import org.vtl.compress.CompressionEngine;
import org.vtl.compress.CompressionStream;
import org.vtl.compress.Operation;

/**
 * One benchmark thread's batch on the engine: submits {@code destinations.length} requests of one stream, taking
 * sources round-robin from a cursor, and waits for all their completions. Shared by the compress and decompress
 * benchmarks so both measure the engine the same way.
 */
final class EngineBatch implements CompletionListener {

    private final boolean countInput;
    private int pending;
    private long counted;

    /** @param countInput sum each completion's input length (decompress) rather than its output length (compress) */
    EngineBatch(boolean countInput) {
        this.countInput = countInput;
    }

    @Override
    public void onCompletion(Completion completion) {
        synchronized (this) {
            counted += countInput ? completion.inputLength() : completion.outputLength();
            if (--pending == 0) {
                notifyAll();
            }
        }
    }

    /**
     * Runs one batch starting at source {@code next}.
     *
     * @return the summed lengths of the batch's completions
     */
    long run(CompressionEngine engine, CompressionStream stream, Operation operation, ByteBuffer[] sources, int next,
             ByteBuffer[] destinations) throws InterruptedException {
        synchronized (this) {
            pending = destinations.length;
            counted = 0;
        }
        int at = next;
        for (ByteBuffer destination : destinations) {
            engine.submit(stream, operation, sources[at], destination, this, null);
            at = at + 1 == sources.length ? 0 : at + 1;
        }
        return await();
    }

    /** Runs one batch of compress requests whose blocks are given in pieces, starting at block {@code next}. */
    long runPieces(CompressionEngine engine, CompressionStream stream, ByteBuffer[][] pieces, int length, int next,
                   ByteBuffer[] destinations) throws InterruptedException {
        synchronized (this) {
            pending = destinations.length;
            counted = 0;
        }
        int at = next;
        for (ByteBuffer destination : destinations) {
            engine.submit(stream, pieces[at], length, destination, this, null);
            at = at + 1 == pieces.length ? 0 : at + 1;
        }
        return await();
    }

    private long await() throws InterruptedException {
        synchronized (this) {
            while (pending > 0) {
                wait();
            }
            return counted;
        }
    }
}
