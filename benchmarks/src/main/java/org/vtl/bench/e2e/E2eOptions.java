package org.vtl.bench.e2e;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Command-line options of {@link E2eBench}. Lists are comma-separated; sizes take k/m/g suffixes (powers of 1024).
 *
 * <pre>
 * --target label=tgt,portal=127.0.0.1:3261,iqn=IQN,changer=5,drives=1:2:3:4[,pid=N][,chap=USER:SECRET]  (repeat)
 * --unavailable appliance=REASON      report a target as not available, with the reason
 * --block-sizes 64k,256k,1m  --drives 1,2,4  --corpus random,realistic  --compression on,off  --outstanding 1,4
 * --bytes-per-drive 256m  --warmup-bytes 0  --raw-dir DIR  --out DIR  --clk-tck 100  --pool 64m  --seed 42
 * </pre>
 */
record E2eOptions(List<TargetLayout> targets, Map<String, String> unavailable, List<Integer> blockSizes,
                  List<Integer> drives, List<Corpus.Kind> corpora, List<Boolean> compression, List<Integer> outstanding,
                  long bytesPerDrive, long warmupBytes, Path rawDir, Path out, long clkTck, int poolBytes,
                  long seed) {

    static E2eOptions parse(String[] args) {
        Map<String, List<String>> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value at '" + args[i] + "'");
            }
            o.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
        }
        long clkTck = Long.parseLong(one(o, "clk-tck", "100"));
        List<TargetLayout> targets = o.getOrDefault("target", List.of()).stream().map(E2eOptions::target).toList();
        Map<String, String> unavailable = new LinkedHashMap<>();
        for (String u : o.getOrDefault("unavailable", List.of())) {
            int eq = u.indexOf('=');
            unavailable.put(eq < 0 ? u : u.substring(0, eq), eq < 0 ? "not available" : u.substring(eq + 1));
        }
        String raw = one(o, "raw-dir", "");
        return new E2eOptions(targets, unavailable,
                list(one(o, "block-sizes", "64k,256k,1m")).stream().map(s -> (int) size(s)).toList(),
                list(one(o, "drives", "1,2")).stream().map(Integer::parseInt).toList(),
                list(one(o, "corpus", "random,realistic")).stream().map(Corpus.Kind::of).toList(),
                list(one(o, "compression", "on")).stream().map(s -> s.equals("on") || s.equals("true")).toList(),
                list(one(o, "outstanding", "1,4")).stream().map(Integer::parseInt).toList(),
                size(one(o, "bytes-per-drive", "256m")), size(one(o, "warmup-bytes", "0")), raw.isEmpty() ? null : Path.of(raw),
                Path.of(one(o, "out", "target/e2e")), clkTck, (int) size(one(o, "pool", "64m")),
                Long.parseLong(one(o, "seed", "42")));
    }

    static TargetLayout target(String spec) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("target field without '=': " + part);
            }
            kv.put(part.substring(0, eq), part.substring(eq + 1));
        }
        String portal = require(kv, "portal");
        int colon = portal.lastIndexOf(':');
        String chap = kv.get("chap");
        return new TargetLayout(kv.getOrDefault("label", "target"),
                new InetSocketAddress(portal.substring(0, colon), Integer.parseInt(portal.substring(colon + 1))),
                require(kv, "iqn"), Integer.parseInt(require(kv, "changer")),
                Arrays.stream(require(kv, "drives").split(":")).map(Integer::parseInt).toList(),
                Long.parseLong(kv.getOrDefault("pid", "0")), chap == null ? null : chap.substring(0, chap.indexOf(':')),
                chap == null ? null : chap.substring(chap.indexOf(':') + 1));
    }

    static long size(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        long unit = switch (t.charAt(t.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1L;
        };
        return Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1)) * unit;
    }

    private static String one(Map<String, List<String>> o, String key, String otherwise) {
        List<String> v = o.get(key);
        return v == null ? otherwise : v.getLast();
    }

    private static String require(Map<String, String> kv, String key) {
        String v = kv.get(key);
        if (v == null) {
            throw new IllegalArgumentException("target needs " + key + "=");
        }
        return v;
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
