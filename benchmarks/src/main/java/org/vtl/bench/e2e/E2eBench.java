package org.vtl.bench.e2e;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end-to-end run: every scenario of the matrix against every target, then the raw-disk baselines, then
 * results.csv, results.md and one PNG per corpus in the output directory. See {@link E2eOptions} for the options.
 * A target that cannot be reached is reported as not available, never as a number.
 */
public final class E2eBench {
    private final E2eOptions options;
    private final PrintStream console;

    private E2eBench(E2eOptions options, PrintStream console) {
        this.options = options;
        this.console = console;
    }

    public static void main(String[] args) throws IOException {
        E2eOptions options = E2eOptions.parse(args);
        new E2eBench(options, System.out).run();
    }

    void run() throws IOException {
        Files.createDirectories(options.out());
        Map<Corpus.Kind, Corpus> corpora = new EnumMap<>(Corpus.Kind.class);
        Map<String, Double> ratios = new HashMap<>();
        for (Corpus.Kind k : options.corpora()) {
            Corpus c = Corpus.generate(k, options.seed(), options.poolBytes());
            corpora.put(k, c);
            for (int bs : options.blockSizes()) {
                CorpusRatio r = CorpusRatio.measure(c, bs, Math.max(4, Math.min(64, options.poolBytes() / bs)));
                ratios.put(k + "/" + bs, r.ratio());
                console.printf(Locale.ROOT, "corpus %s %s: zstd -1 %.2f:1 at %.0f MB/s (one thread)%n", k.label(),
                        Report.size(bs), r.ratio(), r.mbPerSecond());
            }
        }
        List<ScenarioResult> results = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> status = new HashMap<>(options.unavailable());
        for (TargetLayout t : options.targets()) {
            runTarget(t, corpora, ratios, results, status);
        }
        if (options.rawDir() != null) {
            raw(corpora, results);
        }
        write(results, status.getOrDefault("appliance", "not run"));
    }

    private void runTarget(TargetLayout t, Map<Corpus.Kind, Corpus> corpora, Map<String, Double> ratios,
                           List<ScenarioResult> results, Map<String, String> status) {
        CpuClock clock = new CpuClock(t.targetPid(), options.clkTck());
        try (LibraryRun run = LibraryRun.open(t, clock)) {
            for (Scenario w : warmups(t)) {
                ScenarioResult r = run.run(w, corpora.get(w.corpus()), ratios.get(w.corpus() + "/" + w.blockSize()));
                console.println("warm-up, not reported: " + line(r));
            }
            for (Scenario s : matrix()) {
                if (s.drives() > t.driveLuns().size()) {
                    continue;
                }
                ScenarioResult r = run.run(s, corpora.get(s.corpus()), ratios.get(s.corpus() + "/" + s.blockSize()));
                results.add(r);
                console.println(line(r));
            }
        } catch (IOException | RuntimeException e) {
            status.put(t.label(), "not available (" + e.getMessage() + ")");
            console.println(t.label() + ": not available: " + e);
        }
    }

    private void raw(Map<Corpus.Kind, Corpus> corpora, List<ScenarioResult> results) {
        RawDisk disk = new RawDisk(options.rawDir(), new CpuClock(0, options.clkTck()));
        int drives = Collections.max(options.drives());
        int depth = Collections.max(options.outstanding());
        Corpus random = corpora.getOrDefault(Corpus.Kind.RANDOM, corpora.values().iterator().next());
        for (int bs : options.blockSizes()) {
            Scenario s = new Scenario(bs, drives, random.kind(), false, 1, options.bytesPerDrive());
            results.add(print(disk.buffered(s, random)));
            Scenario d = new Scenario(bs, drives, random.kind(), false, depth, options.bytesPerDrive());
            results.add(print(disk.direct(d, random)));
        }
    }

    private ScenarioResult print(ScenarioResult r) {
        console.println(line(r));
        return r;
    }

    /**
     * One unreported pass per corpus on every drive the target has in the matrix, so that a JVM target is measured
     * after its JIT has compiled the data path (a C target such as tgt gains nothing, and loses nothing).
     */
    private List<Scenario> warmups(TargetLayout t) {
        if (options.warmupBytes() <= 0) {
            return List.of();
        }
        int drives = Math.min(Collections.max(options.drives()), t.driveLuns().size());
        int block = Collections.max(options.blockSizes());
        int depth = Collections.max(options.outstanding());
        boolean dce = options.compression().contains(true);
        return options.corpora().stream()
                .map(k -> new Scenario(block, drives, k, dce, depth, options.warmupBytes())).toList();
    }

    private List<Scenario> matrix() {
        List<Scenario> m = new ArrayList<>();
        for (Corpus.Kind k : options.corpora()) {
            for (int drives : options.drives()) {
                for (int depth : options.outstanding()) {
                    for (boolean dce : options.compression()) {
                        for (int bs : options.blockSizes()) {
                            m.add(new Scenario(bs, drives, k, dce, depth, options.bytesPerDrive()));
                        }
                    }
                }
            }
        }
        return m;
    }

    private void write(List<ScenarioResult> results, String applianceStatus) throws IOException {
        Report report = new Report(results);
        Files.writeString(options.out().resolve("results.csv"), report.csv());
        Files.writeString(options.out().resolve("results.md"), report.markdown(applianceStatus));
        int depth = Collections.max(options.outstanding());
        for (Corpus.Kind k : options.corpora()) {
            ThroughputPlot.render(results, k, depth, options.out().resolve("e2e-" + k.label() + ".png"));
        }
        console.println("wrote " + options.out().resolve("results.md") + ", results.csv and the plots");
    }

    private static String line(ScenarioResult r) {
        Scenario s = r.scenario();
        return String.format(Locale.ROOT, "%-12s %8s x%d %-9s dce=%-5s qd=%d  write %7.1f MB/s  read %7.1f MB/s  "
                        + "cpu client %.2f/%.2f target %.2f/%.2f s/GB  %s %s", r.target(), Report.size(s.blockSize()),
                s.drives(), s.corpus().label(), s.compression(), s.outstanding(), r.writeAggregate(),
                r.readAggregate(), r.clientCpuWrite(), r.clientCpuRead(), r.targetCpuWrite(), r.targetCpuRead(),
                r.verified() ? "verified" : "FAILED", r.note());
    }

}
