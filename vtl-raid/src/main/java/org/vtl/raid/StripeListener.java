package org.vtl.raid;

/**
 * Receives the outcome of {@link Pool#write(StripeBuffer, int, StripeListener)}: the allocation-free
 * form of {@link Pool#write(StripeBuffer, int)}, for callers that track stripes in their own structures
 * (the future form allocates a future and an {@link Extent} per stripe). Called once per write, on a
 * member writer thread (or on the calling thread when the write fails at once): keep it short and never
 * block in it.
 */
public interface StripeListener {

    /** The stripe is written: the fields of its {@link Extent} (not yet durable: see {@link Pool#sync()}). */
    void written(int group, long row, int width, int length);

    /** The stripe could not be written; its buffer is back in the pool. */
    void failed(PoolException failure);
}
