package org.vtl.bench.compress;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Secondary results: bytes per second in (native) and out (stored). MB/s = nativeBytes / 1e6; the compression
 * ratio of a run is nativeBytes / storedBytes.
 */
@AuxCounters(AuxCounters.Type.OPERATIONS)
@State(Scope.Thread)
public class ByteCounters {

    public long nativeBytes;
    public long storedBytes;

    @Setup(Level.Iteration)
    public void clear() {
        nativeBytes = 0;
        storedBytes = 0;
    }
}
