package org.vtl.bench.e2e;

/**
 * One point of the run matrix.
 *
 * @param blockSize     bytes per WRITE(6)/READ(6) block
 * @param drives        drives streaming in parallel
 * @param corpus        data kind
 * @param compression   DCE in the Data Compression mode page
 * @param outstanding   commands in flight per drive
 * @param bytesPerDrive bytes each drive writes and reads back
 */
public record Scenario(int blockSize, int drives, Corpus.Kind corpus, boolean compression, int outstanding,
                       long bytesPerDrive) {

    /** The key that pairs rows of different targets: everything but the target. */
    public String key() {
        return blockSize + "/" + drives + "/" + corpus.label() + "/" + compression + "/" + outstanding;
    }
}
