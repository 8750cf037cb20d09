package org.vtl.bench.e2e;

/**
 * Measured figures of one scenario on one target. Throughputs are in MB/s (10^6 bytes per second); CPU in
 * seconds per GB (10^9 bytes) moved in that phase. NaN means not measured.
 *
 * @param target             "tgt", "appliance", "raw-buffered", "raw-direct"
 * @param scenario           the scenario
 * @param writeAggregate     all drives' bytes / wall time of the write phase (including the final filemark)
 * @param readAggregate      all drives' bytes / wall time of the read-and-verify phase
 * @param writePerDrive      mean of each drive's own write throughput
 * @param readPerDrive       mean of each drive's own read throughput
 * @param clientCpuWrite     client process CPU s/GB during the write phase
 * @param clientCpuRead      client process CPU s/GB during the read phase
 * @param targetCpuWrite     target process CPU s/GB during the write phase
 * @param targetCpuRead      target process CPU s/GB during the read phase
 * @param corpusRatio        zstd -1 ratio of the corpus at this block size (per-block compression)
 * @param compressionApplied whether the target accepted the Data Compression page as asked
 * @param verified           every byte read back equalled what was written and the filemark was found
 * @param note               an error or remark, or ""
 */
public record ScenarioResult(String target, Scenario scenario, double writeAggregate, double readAggregate,
                             double writePerDrive, double readPerDrive, double clientCpuWrite, double clientCpuRead,
                             double targetCpuWrite, double targetCpuRead, double corpusRatio,
                             boolean compressionApplied, boolean verified, String note) {

    public static ScenarioResult failed(String target, Scenario scenario, String note) {
        return new ScenarioResult(target, scenario, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, false, note);
    }
}
