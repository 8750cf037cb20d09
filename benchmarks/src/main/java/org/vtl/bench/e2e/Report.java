package org.vtl.bench.e2e;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns results into the CSV file and the Markdown tables of docs/benchmarks/e2e.md. */
public final class Report {
    static final String CSV_HEADER = "target,block_bytes,drives,corpus,compression,outstanding,bytes_per_drive,"
            + "write_mbps,read_mbps,write_mbps_per_drive,read_mbps_per_drive,client_cpu_s_per_gb_write,"
            + "client_cpu_s_per_gb_read,target_cpu_s_per_gb_write,target_cpu_s_per_gb_read,corpus_zstd1_ratio,"
            + "compression_page,verified,note";

    private final List<ScenarioResult> results;

    public Report(List<ScenarioResult> results) {
        this.results = List.copyOf(results);
    }

    public String csv() {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (ScenarioResult r : results) {
            Scenario s = r.scenario();
            sb.append(String.join(",", r.target(), Integer.toString(s.blockSize()), Integer.toString(s.drives()),
                    s.corpus().label(), Boolean.toString(s.compression()), Integer.toString(s.outstanding()),
                    Long.toString(s.bytesPerDrive()), num(r.writeAggregate()), num(r.readAggregate()),
                    num(r.writePerDrive()), num(r.readPerDrive()), num(r.clientCpuWrite()), num(r.clientCpuRead()),
                    num(r.targetCpuWrite()), num(r.targetCpuRead()), num(r.corpusRatio()),
                    Boolean.toString(r.compressionApplied()), Boolean.toString(r.verified()),
                    '"' + r.note().replace('"', '\'') + '"')).append('\n');
        }
        return sb.toString();
    }

    /** The results table, then the ratios table (or the line saying the appliance was not available). */
    public String markdown(String applianceStatus) {
        StringBuilder sb = new StringBuilder();
        sb.append("| target | block | drives | corpus | DCE | in flight | write MB/s | read MB/s | write MB/s/drive "
                + "| read MB/s/drive | client CPU s/GB w / r | target CPU s/GB w / r | corpus zstd-1 | verified "
                + "| note |\n");
        sb.append("|---|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (ScenarioResult r : results) {
            Scenario s = r.scenario();
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %d | %s | %s | %s | %s | %s / %s | "
                            + "%s / %s | %s | %s | %s |%n", r.target(), size(s.blockSize()), s.drives(),
                    s.corpus().label(), s.compression() ? "on" : "off", s.outstanding(), md(r.writeAggregate(), 0),
                    md(r.readAggregate(), 0), md(r.writePerDrive(), 0), md(r.readPerDrive(), 0),
                    md(r.clientCpuWrite(), 2), md(r.clientCpuRead(), 2), md(r.targetCpuWrite(), 2),
                    md(r.targetCpuRead(), 2), ratio(r.corpusRatio()), r.verified() ? "yes" : "NO",
                    r.note().replace('|', '/')));
        }
        sb.append('\n').append(ratios(applianceStatus));
        return sb.toString();
    }

    private String ratios(String applianceStatus) {
        List<ScenarioResult> appliance = results.stream().filter(r -> r.target().equals("appliance")).toList();
        if (appliance.isEmpty() || appliance.stream().noneMatch(ScenarioResult::verified)) {
            return "**appliance: " + applianceStatus + "** - no appliance/tgt or appliance/raw-disk ratios this "
                    + "run.\n";
        }
        Map<String, ScenarioResult> tgt = index("tgt", ScenarioResult::scenario);
        Map<Integer, ScenarioResult> raw = results.stream().filter(r -> r.target().equals("raw-direct"))
                .collect(Collectors.toMap(r -> r.scenario().blockSize(), r -> r, (a, b) -> a));
        StringBuilder sb = new StringBuilder("| block | drives | corpus | DCE | in flight | appliance/tgt write "
                + "| appliance/tgt read | appliance/raw-direct write | appliance/raw-direct read |\n"
                + "|---:|---:|---|---|---:|---:|---:|---:|---:|\n");
        for (ScenarioResult a : appliance) {
            Scenario s = a.scenario();
            Optional<ScenarioResult> t = Optional.ofNullable(tgt.get(s.key()));
            Optional<ScenarioResult> d = Optional.ofNullable(raw.get(s.blockSize()));
            sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %d | %s | %s | %s | %s |%n",
                    size(s.blockSize()), s.drives(), s.corpus().label(), s.compression() ? "on" : "off",
                    s.outstanding(), div(a.writeAggregate(), t.map(ScenarioResult::writeAggregate)),
                    div(a.readAggregate(), t.map(ScenarioResult::readAggregate)),
                    div(a.writeAggregate(), d.map(ScenarioResult::writeAggregate)),
                    div(a.readAggregate(), d.map(ScenarioResult::readAggregate))));
        }
        return sb.toString();
    }

    private Map<String, ScenarioResult> index(String target, Function<ScenarioResult, Scenario> scenario) {
        return results.stream().filter(r -> r.target().equals(target) && r.verified())
                .collect(Collectors.toMap(r -> scenario.apply(r).key(), r -> r, (a, b) -> a));
    }

    private static String div(double a, Optional<Double> b) {
        return b.filter(v -> v > 0 && !Double.isNaN(v) && !Double.isNaN(a))
                .map(v -> String.format(Locale.ROOT, "%.2fx", a / v)).orElse("n/a");
    }

    static String size(int bytes) {
        return bytes % (1 << 20) == 0 ? bytes / (1 << 20) + " MiB" : bytes / 1024 + " KiB";
    }

    private static String md(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String ratio(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f:1", v);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }
}
