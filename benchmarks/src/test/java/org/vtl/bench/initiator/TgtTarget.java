package org.vtl.bench.initiator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A private Debian tgt tape library for tests, started and stopped with benchmarks/scripts/tgt-library.sh on its
 * own loopback port, control instance and state directory. Tests that need it are skipped (with the reason) where
 * tgt is not installed.
 */
public final class TgtTarget implements AutoCloseable {
    public static final String IQN = "iqn.2024-01.org.example:tgt-vtl";
    private static final Path SCRIPT = Path.of("scripts", "tgt-library.sh");

    private final Map<String, String> env;
    private final int port;
    private final int controlInstance;
    private final int drives;

    private TgtTarget(Map<String, String> env, int port, int controlInstance, int drives) {
        this.env = env;
        this.port = port;
        this.controlInstance = controlInstance;
        this.drives = drives;
    }

    /** Skips the calling test class unless tgtd, tgtadm and tgtimg are on the PATH. */
    public static void assumeInstalled() {
        for (String tool : List.of("tgtd", "tgtadm", "tgtimg")) {
            boolean found = false;
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                found |= Files.isExecutable(Path.of(dir, tool));
            }
            found |= Files.isExecutable(Path.of("/usr/sbin", tool));
            Assumptions.assumeTrue(found, "Debian tgt is not installed (apt-get install tgt; CI installs it from "
                    + ".ci/packages.d/bench.txt): skipping the tests that run against it");
        }
    }

    /** Starts a library with {@code drives} drives (LUNs 1..drives), the changer on LUN drives+1, 4 cartridges. */
    public static TgtTarget start(Path state, int port, int controlInstance, int drives) throws IOException {
        assumeInstalled();
        Map<String, String> env = Map.of("TGT_STATE", state.toString(), "TGT_CN", Integer.toString(controlInstance),
                "TGT_PORTAL", "127.0.0.1:" + port, "DRIVES", Integer.toString(drives), "SLOTS", "6", "TAPES", "4",
                "TAPE_MB", "256", "SMALL_TAPE_MB", "64");
        TgtTarget t = new TgtTarget(env, port, controlInstance, drives);
        t.script("stop");
        t.script();
        return t;
    }

    public InetSocketAddress portal() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    public int changerLun() {
        return drives + 1;
    }

    public long pid() throws IOException {
        return Long.parseLong(Files.readString(Path.of(env.get("TGT_STATE"), "tgtd.pid")).trim());
    }

    /** Runs {@code tgtadm -C <instance> --lld iscsi <args>} and fails on a non-zero exit. */
    public void adm(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("tgtadm", "-C", Integer.toString(controlInstance), "--lld",
                "iscsi"));
        cmd.addAll(List.of(args));
        run(cmd);
    }

    /** Sets an iSCSI parameter of target 1 (e.g. InitialR2T, nop_interval). */
    public void targetParameter(String name, String value) throws IOException {
        adm("--op", "update", "--mode", "target", "--tid", "1", "--name", name, "--value", value);
    }

    private void script(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        cmd.addAll(List.of(args));
        run(cmd);
    }

    private void run(List<String> cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(cmd + " did not finish in 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(cmd + " failed (" + p.exitValue() + "): " + out);
        }
    }

    @Override
    public void close() throws IOException {
        script("stop");
    }
}
