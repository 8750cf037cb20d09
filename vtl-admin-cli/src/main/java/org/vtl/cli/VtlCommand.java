package org.vtl.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code vtl} command: the daemon ({@code serve}) and the admin CLI. Global options are inherited by every
 * subcommand, so {@code vtl --data DIR cartridge list --json} and {@code vtl cartridge list --data DIR --json}
 * mean the same.
 */
@Command(name = "vtl", mixinStandardHelpOptions = true, versionProvider = VtlCommand.Version.class,
        description = "Virtual tape library appliance: run the daemon, or administer a running one through its "
                + "admin API.",
        subcommands = {ServeCommand.class, StatusCommand.class, PartitionCommand.class, DriveCommand.class,
                SlotCommand.class, CartridgeCommand.class, PoolCommand.class, StatsCommand.class, CapacityCommand.class,
                JobCommand.class, AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:refused or failed (one line on stderr says why)", "2:usage error"})
public final class VtlCommand {

    /** The data directory clients look in when neither --data nor --url is given. */
    public static final Path DEFAULT_DATA = Path.of("vtl-data");

    @Option(names = "--data", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data directory of the appliance (serve: where it keeps its state; clients: where they "
                    + "find admin.url and admin.token). Default: ./vtl-data, or dataDir of --config for serve.")
    Path data;

    @Option(names = "--url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Admin API address, e.g. http://127.0.0.1:9260/ (instead of --data).")
    URI url;

    @Option(names = "--token-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "File holding the admin API bearer token. Default: admin.token in the data directory.")
    Path tokenFile;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print JSON for scripts instead of tables; nothing else on stdout.")
    boolean json;

    Terminal terminal = Terminal.system();

    public static void main(String[] args) {
        System.exit(commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                Terminal.system()).execute(args));
    }

    /** The configured command line: one-line errors, exit codes 1 and 2, the given streams and terminal. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Terminal terminal) {
        VtlCommand root = new VtlCommand();
        root.terminal = terminal;
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof CliException refused) {
                commandLine.getErr().println("vtl: " + refused.getMessage());
                return refused.exitCode();
            }
            commandLine.getErr().println("vtl: internal error: " + e);
            return CliException.REFUSED;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine at = e.getCommandLine();
            at.getErr().println("vtl: " + e.getMessage().strip() + " (see: " + at.getCommandSpec().qualifiedName()
                    + " --help)");
            return CliException.USAGE;
        });
        return cl;
    }

    /** The client for the admin API, from the global options. */
    ApiClient client() {
        return ApiClient.locate(data == null ? DEFAULT_DATA : data, url, tokenFile);
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = VtlCommand.class.getPackage().getImplementationVersion();
            return new String[] {"vtl " + (v == null ? "development" : v)};
        }
    }
}
