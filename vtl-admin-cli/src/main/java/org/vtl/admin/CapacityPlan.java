package org.vtl.admin;

/**
 * The sizing formula backup vendors hand out, answered against the pool:
 * <pre>
 * native = (base x fulls + incremental x incrementals x fulls) x (1 + growth)^years
 * stored = native / compressionRatio
 * </pre>
 * The ratio is the one given, else the pool's measured ratio, else 1.0 (no compression assumed).
 */
public final class CapacityPlan {

    /**
     * What to size for.
     *
     * @param baseBytes        size of one full backup today
     * @param fulls            full copies kept
     * @param incrementalBytes size of one incremental backup today
     * @param incrementals     incremental copies kept per full
     * @param growthPercent    yearly data growth in percent
     * @param years            planning horizon
     * @param compressionRatio expected native:stored ratio, or {@code null} to use the measured one
     */
    public record Request(long baseBytes, int fulls, long incrementalBytes, int incrementals, double growthPercent,
                          int years, Double compressionRatio) {
    }

    /**
     * The answer.
     *
     * @param request          the question
     * @param nativeBytes      backup data to keep, before compression
     * @param compressionRatio the ratio used
     * @param ratioSource      {@code given}, {@code measured} or {@code assumed}
     * @param storedBytes      pool bytes needed
     * @param poolFreeBytes    the pool's free bytes now, or {@code null} without a pool
     * @param fits             whether it fits, or {@code null} without a pool
     * @param shortfallBytes   bytes to add to the pool (0 when it fits), or {@code null} without a pool
     */
    public record Answer(Request request, long nativeBytes, double compressionRatio, String ratioSource,
                         long storedBytes, Long poolFreeBytes, Boolean fits, Long shortfallBytes) {
    }

    private CapacityPlan() {
    }

    /** Computes the plan; {@code pool} may be {@code null}. */
    public static Answer answer(Request r, PoolView pool) {
        if (r.baseBytes() < 0 || r.incrementalBytes() < 0 || r.fulls() < 1 || r.incrementals() < 0 || r.years() < 0
                || r.years() > 50 || r.growthPercent() < 0 || r.growthPercent() > 1000) {
            throw ApiException.invalid("capacity plan needs base >= 0, incremental >= 0, fulls >= 1, "
                    + "incrementals >= 0, growth 0..1000 %, years 0..50");
        }
        if (r.compressionRatio() != null && !(r.compressionRatio() >= 1.0 && r.compressionRatio() <= 100.0)) {
            throw ApiException.invalid("compression ratio must be between 1.0 and 100.0, was " + r.compressionRatio());
        }
        double kept = (double) r.baseBytes() * r.fulls() + (double) r.incrementalBytes() * r.incrementals() * r.fulls();
        double nativeBytes = kept * Math.pow(1 + r.growthPercent() / 100.0, r.years());
        double ratio;
        String source;
        if (r.compressionRatio() != null) {
            ratio = r.compressionRatio();
            source = "given";
        } else if (pool != null) {
            ratio = Math.max(1.0, pool.compressionRatio());
            source = "measured";
        } else {
            ratio = 1.0;
            source = "assumed";
        }
        long stored = (long) Math.ceil(nativeBytes / ratio);
        if (pool == null) {
            return new Answer(r, (long) Math.ceil(nativeBytes), ratio, source, stored, null, null, null);
        }
        long free = pool.freeBytes();
        return new Answer(r, (long) Math.ceil(nativeBytes), ratio, source, stored, free, stored <= free,
                Math.max(0, stored - free));
    }
}
