package org.vtl.bench.e2e;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A minimal deterministic generator of backup-like bytes, about 2:1 to 3:1 under zstd level 1: runs of 2-64 KiB
 * of log text, fixed-size database records, sparse (mostly zero) regions, low-entropy binaries and already
 * compressed media (random). Stands in for the project's shared corpus generator until that lands.
 */
final class BackupMix {
    private static final int MIN_RUN = 2 * 1024;
    private static final int MAX_RUN = 64 * 1024;
    private static final int RECORD = 128;

    private final SplittableRandom rnd;
    private final byte[][] words;
    private long recordId;

    BackupMix(long seed) {
        this.rnd = new SplittableRandom(seed);
        this.words = new byte[512][];
        for (int i = 0; i < words.length; i++) {
            byte[] w = new byte[3 + rnd.nextInt(8)];
            for (int j = 0; j < w.length; j++) {
                w[j] = (byte) ('a' + rnd.nextInt(26));
            }
            words[i] = w;
        }
    }

    void fill(ByteBuffer pool) {
        int at = 0;
        while (at < pool.capacity()) {
            int end = Math.min(pool.capacity(), at + MIN_RUN + rnd.nextInt(MAX_RUN - MIN_RUN));
            int pick = rnd.nextInt(100);
            if (pick < 40) {
                text(pool, at, end);
            } else if (pick < 65) {
                records(pool, at, end);
            } else if (pick < 75) {
                sparse(pool, at, end);
            } else if (pick < 87) {
                binary(pool, at, end);
            } else {
                media(pool, at, end);
            }
            at = end;
        }
    }

    private void text(ByteBuffer pool, int at, int end) {
        int p = at;
        while (p < end) {
            String stamp = String.format("2026-11-%02d %02d:%02d:%02d.%03d host%02d backupd[%d]: ", 1 + rnd.nextInt(28),
                    rnd.nextInt(24), rnd.nextInt(60), rnd.nextInt(60), rnd.nextInt(1000), rnd.nextInt(16),
                    1000 + rnd.nextInt(64));
            p = put(pool, p, end, stamp.getBytes(StandardCharsets.US_ASCII));
            int n = 4 + rnd.nextInt(10);
            for (int i = 0; i < n && p < end; i++) {
                p = put(pool, p, end, words[skewed(words.length)]);
                p = put(pool, p, end, new byte[] {' '});
            }
            p = put(pool, p, end, ("id=" + rnd.nextInt(100_000) + "\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    private void records(ByteBuffer pool, int at, int end) {
        byte[] rec = new byte[RECORD];
        for (int p = at; p < end; p += RECORD) {
            ByteBuffer r = ByteBuffer.wrap(rec);
            r.putLong(recordId++).putInt(rnd.nextInt(50)).putInt(rnd.nextInt(1000)).putLong(1_790_000_000_000L
                    + recordId * 1000 + rnd.nextInt(1000));
            byte[] name = words[skewed(words.length)];
            r.put(name);
            while (r.position() < 64) {
                r.put((byte) ' ');
            }
            r.putDouble(rnd.nextInt(100_000) / 100.0);
            while (r.hasRemaining()) {
                r.put((byte) 0);
            }
            put(pool, p, end, rec);
        }
    }

    private void sparse(ByteBuffer pool, int at, int end) {
        for (int p = at; p < end; p++) {
            pool.put(p, rnd.nextInt(64) == 0 ? (byte) rnd.nextInt(256) : 0);
        }
    }

    private void binary(ByteBuffer pool, int at, int end) {
        for (int p = at; p < end; p++) {
            pool.put(p, (byte) (rnd.nextInt(16) * rnd.nextInt(16)));
        }
    }

    private void media(ByteBuffer pool, int at, int end) {
        for (int p = at; p < end; p++) {
            pool.put(p, (byte) rnd.nextInt());
        }
    }

    /** Index with a skewed (roughly Zipf-like) distribution: a few words are very common, as in real text. */
    private int skewed(int n) {
        double u = rnd.nextDouble();
        return (int) (n * u * u * u);
    }

    private static int put(ByteBuffer pool, int p, int end, byte[] bytes) {
        int n = Math.min(bytes.length, end - p);
        pool.put(p, bytes, 0, n);
        return p + n;
    }
}
