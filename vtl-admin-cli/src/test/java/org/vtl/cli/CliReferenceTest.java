package org.vtl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * docs/cli.md is generated from the picocli definitions. Regenerate it with
 * {@code ./mvnw -q -o -pl vtl-admin-cli -am test -Dtest=CliReferenceTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dvtl.docs.write=true}.
 */
class CliReferenceTest {

    private static final Path DOC = Path.of("..", "docs", "cli.md");

    @Test
    void cliReferenceMatchesTheCommandDefinitions() throws IOException {
        String generated = CliReference.render();
        if (Boolean.getBoolean("vtl.docs.write")) {
            Files.writeString(DOC, generated);
        }
        assertTrue(Files.exists(DOC), "missing " + DOC.toAbsolutePath());
        assertEquals(generated, Files.readString(DOC), "docs/cli.md is stale: regenerate it with ./mvnw -q -o -pl "
                + "vtl-admin-cli -am test -Dtest=CliReferenceTest -Dsurefire.failIfNoSpecifiedTests=false "
                + "-Dvtl.docs.write=true");
    }

    @Test
    void everyCommandOfTheIssueIsInTheReference() {
        String doc = CliReference.render();
        for (String command : new String[] {"vtl serve", "vtl status", "vtl partition create", "vtl partition list",
                "vtl partition show", "vtl partition delete", "vtl partition set", "vtl drive add", "vtl drive remove",
                "vtl drive list", "vtl slot resize", "vtl cartridge create", "vtl cartridge list", "vtl cartridge show",
                "vtl cartridge import", "vtl cartridge export", "vtl cartridge erase", "vtl cartridge delete",
                "vtl cartridge write-protect", "vtl pool status", "vtl pool add-group", "vtl pool replace-member",
                "vtl pool scrub", "vtl pool rebuild-status", "vtl stats", "vtl capacity plan", "vtl job list",
                "vtl job show", "vtl job cancel", "vtl generate-completion"}) {
            assertTrue(doc.contains("`" + command + "`"), command);
        }
    }
}
