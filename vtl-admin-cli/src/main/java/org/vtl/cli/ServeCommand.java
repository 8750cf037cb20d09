package org.vtl.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vtl.appliance.Appliance;
import org.vtl.appliance.ApplianceException;
import org.vtl.config.ApplianceConfig;
import org.vtl.config.ConfigException;
import org.vtl.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vtl serve}: runs the appliance daemon until SIGTERM or SIGINT. */
@Command(name = "serve", description = {"Run the appliance daemon: the iSCSI targets of every partition, the admin API "
        + "and metrics on loopback. Without --config it runs the embedded default (docs/configuration.md).",
        "Stops cleanly on SIGTERM or SIGINT (Ctrl-C)."})
public final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "The appliance's YAML file (docs/configuration.md).")
    Path config;

    @Option(names = "--admin-port", paramLabel = "PORT",
            description = "Admin API port instead of admin.port of the configuration (0: any free port).")
    Integer adminPort;

    @Override
    public Integer call() throws InterruptedException {
        if (adminPort != null && (adminPort < 0 || adminPort > 65535)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--admin-port must be between 0 and 65535, was " + adminPort);
        }
        ApplianceConfig appliance;
        try {
            appliance = load();
        } catch (ConfigException e) {
            e.errors().forEach(line -> spec.commandLine().getErr().println("vtl: " + sourceOf(e) + line));
            return CliException.REFUSED;
        }
        Appliance running;
        try {
            running = Appliance.start(appliance);
        } catch (ApplianceException e) {
            throw CliException.refused(e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = Thread.ofPlatform().name("vtl-shutdown").unstarted(() -> {
            LOG.info("vtl stopping (signal)");
            running.close();
            LOG.info("vtl stopped");
            stopped.countDown();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        LOG.info("{}", running.summary());
        stopped.await();
        return 0;
    }

    private ApplianceConfig load() throws ConfigException {
        ApplianceConfig c = config == null ? ConfigLoader.defaults() : ConfigLoader.load(config);
        VtlCommand root = (VtlCommand) spec.root().userObject();
        if (root.data != null) {
            c = c.withDataDir(root.data.toString());
        }
        if (adminPort != null) {
            c = c.withAdminPort(adminPort);
        }
        ConfigLoader.validate(c, config == null ? "embedded default" : config.toString());
        return c;
    }

    private String sourceOf(ConfigException e) {
        String first = e.getMessage();
        int colon = first.indexOf(": ");
        return colon < 0 ? "" : first.substring(0, colon) + ": ";
    }
}
