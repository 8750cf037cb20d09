package org.vtl.cli;

/** Entry point of the {@code vtl} command; the subcommands arrive with the admin CLI (issue 3, 8). */
public final class VtlCommand {

    private VtlCommand() {
    }

    public static void main(String[] args) {
        System.err.println("vtl: not assembled yet");
        System.exit(1);
    }
}
