package org.vtl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is generated from the records. Regenerate it with
 * {@code ./mvnw -q -o -pl appliance-config test -Dtest=ConfigurationReferenceTest -Dvtl.docs.write=true}.
 */
class ConfigurationReferenceTest {

    private static final Path DOC = Path.of("..", "docs", "configuration.md");

    @Test
    void configurationReferenceMatchesTheRecords() throws IOException {
        String generated = ConfigurationReference.render();
        if (Boolean.getBoolean("vtl.docs.write")) {
            Files.writeString(DOC, generated);
        }
        assertTrue(Files.exists(DOC), "missing " + DOC.toAbsolutePath());
        assertEquals(generated, Files.readString(DOC), "docs/configuration.md is stale: regenerate it with "
                + "./mvnw -q -o -pl appliance-config test -Dtest=ConfigurationReferenceTest -Dvtl.docs.write=true");
    }

    @Test
    void everyKeyHasARowInTheReference() {
        String doc = ConfigurationReference.render();
        for (Class<?> type : new Class<?>[] {ApplianceConfig.class, PoolConfig.class, MembersConfig.class,
                CompressionConfig.class, IscsiConfig.class, PartitionConfig.class, CartridgeRange.class,
                ChapConfig.class, AdminConfig.class, MetricsConfig.class}) {
            for (RecordComponent c : type.getRecordComponents()) {
                assertTrue(doc.contains(c.getName() + "` |"), "no row for " + type.getSimpleName() + "." + c.getName());
            }
        }
    }
}
