package org.vtl.compress;

/**
 * Receives completions. Called on an engine thread (or, for requests aborted by
 * {@link CompressionEngine#shutdownNow()}, on the thread that called it), one completion at a time per stream, in
 * the stream's submission order.
 *
 * <p>The {@link Completion} is a view of a pooled request: it is valid only during the call and must not be kept.
 * Keep the call short and never block in it: engine threads run it. A listener may submit more requests with
 * {@link CompressionEngine#trySubmit}; a blocking {@link CompressionEngine#submit} from an engine thread throws
 * rather than risk a deadlock when the queue is full.
 */
@FunctionalInterface
public interface CompletionListener {

    void onCompletion(Completion completion);
}
