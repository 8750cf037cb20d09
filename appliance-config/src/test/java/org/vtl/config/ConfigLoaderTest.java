package org.vtl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @Test
    void emptyFileIsTheEmbeddedDefault() throws ConfigException {
        assertEquals(Defaults.appliance(), ConfigLoader.parse("", "empty.yaml"));
        assertEquals(Defaults.appliance(), ConfigLoader.parse("# only a comment\n", "comment.yaml"));
    }

    @Test
    void embeddedDefaultIsTheApplianceOfTheDesign() {
        ApplianceConfig c = ConfigLoader.defaults();
        assertEquals("./vtl-data", c.dataDir());
        assertEquals(6, c.pool().members().count());
        assertEquals(List.of(), c.pool().members().paths());
        assertEquals(1, c.pool().groups());
        assertEquals(ByteSize.ofMiB(1), c.pool().chunkSize(), "4 data chunks: 4 MiB stripes hold 1 MiB tape blocks");
        assertEquals(List.of("127.0.0.1:3260"), c.iscsi().portals());
        assertEquals(1, c.partitions().size());
        PartitionConfig p = c.partitions().getFirst();
        assertEquals("default", p.name());
        assertEquals("iqn.2026-11.org.vtl:default", p.iqn());
        assertEquals(2, p.drives());
        assertEquals(24, p.slots());
        assertEquals(4, p.importExportSlots());
        assertEquals(20, p.cartridges().stream().mapToLong(r -> BarcodeRange.parse(r.barcodes()).count()).sum());
        assertEquals("127.0.0.1", c.admin().listen());
        assertEquals("admin.token", c.admin().tokenFile());
    }

    @Test
    void embeddedDefaultIsValid() throws ConfigException {
        ConfigLoader.validate(ConfigLoader.defaults(), "default");
    }

    @Test
    void defaultYamlReadsBackAsTheDefault() throws ConfigException {
        assertEquals(Defaults.appliance(), ConfigLoader.parse(ConfigurationReference.defaultYaml(), "default.yaml"));
    }

    @Test
    void fullFileSetsEveryKey() throws ConfigException {
        String yaml = """
                dataDir: /srv/vtl
                pool:
                  members: {count: 8, paths: [/d/a, /d/b, /d/c, /d/d, /d/e, /d/f, /d/g, /d/h], size: 1GiB}
                  chunkSize: 1MiB
                  groups: 2
                  directIo: false
                  stripesInFlightPerDrive: 0
                compression: {codec: none, level: 5, threads: 4, queueDepth: 128}
                iscsi:
                  portals: ["0.0.0.0:3260", "[::1]:3261"]
                  maxSessions: 8
                  maxRecvDataSegmentLength: 65536
                  maxBurstLength: 262144
                  firstBurstLength: 262144
                partitions:
                  - name: backup1
                    changer: STK_L700
                    drives: 4
                    driveGeneration: LTO8
                    driveVendor: HP
                    slots: 100
                    importExportSlots: 10
                    cartridges:
                      - {barcodes: AAA000L8-AAA049L8, media: LTO8}
                      - {barcodes: WRM000L7-WRM009L7, media: LTO7, capacity: 100GiB, worm: true}
                    quota: 10TB
                    chap: {user: backup, secret: twelve-chars, mutualUser: vtl, mutualSecret: other-secret1}
                    allowedInitiators: [iqn.1993-08.org.debian:01:abcdef]
                  - name: backup2
                    iqn: iqn.2026-11.com.example:tapes
                admin: {listen: 127.0.0.2, port: 9999, tokenFile: /etc/vtl/token}
                metrics: {enabled: false, jvm: false}
                """;
        ApplianceConfig c = ConfigLoader.parse(yaml, "full.yaml");
        assertEquals("/srv/vtl", c.dataDir());
        assertEquals(new PoolConfig(new MembersConfig(8, List.of("/d/a", "/d/b", "/d/c", "/d/d", "/d/e", "/d/f",
                "/d/g", "/d/h"), ByteSize.ofGiB(1)), ByteSize.ofMiB(1), 2, false, 0), c.pool());
        assertEquals(new CompressionConfig(Codec.NONE, 5, 4, 128), c.compression());
        assertEquals(new IscsiConfig(List.of("0.0.0.0:3260", "[::1]:3261"), 8, 65536, 262144, 262144), c.iscsi());
        PartitionConfig p = c.partitions().get(0);
        assertEquals(new PartitionConfig("backup1", "iqn.2026-11.org.vtl:backup1", ChangerModel.STK_L700, 4,
                LtoGeneration.LTO8, DriveVendor.HP, 100, 10,
                List.of(new CartridgeRange("AAA000L8-AAA049L8", LtoGeneration.LTO8, null, false),
                        new CartridgeRange("WRM000L7-WRM009L7", LtoGeneration.LTO7, ByteSize.ofGiB(100), true)),
                ByteSize.parse("10TB"), new ChapConfig("backup", "twelve-chars", "vtl", "other-secret1"),
                List.of("iqn.1993-08.org.debian:01:abcdef")), p);
        PartitionConfig second = c.partitions().get(1);
        assertEquals("iqn.2026-11.com.example:tapes", second.iqn());
        assertEquals(Defaults.template(PartitionConfig.class).toString().replace("name=null", "name=backup2")
                .replace("iqn=,", "iqn=iqn.2026-11.com.example:tapes,"), second.toString());
        assertEquals(new AdminConfig("127.0.0.2", 9999, "/etc/vtl/token"), c.admin());
        assertEquals(new MetricsConfig(false, false), c.metrics());
    }

    @Test
    void keysLeftOutKeepTheirDefaults() throws ConfigException {
        ApplianceConfig c = ConfigLoader.parse("compression: {level: 7}\n", "partial.yaml");
        assertEquals(new CompressionConfig(Codec.ZSTD, 7, 2, 64), c.compression());
        assertEquals(Defaults.appliance().pool(), c.pool());
        assertEquals(Defaults.appliance().partitions(), c.partitions());
    }

    @Test
    void partitionWithoutIqnGetsOneFromItsName() throws ConfigException {
        ApplianceConfig c = ConfigLoader.parse("partitions: [{name: vault}]\n", "p.yaml");
        assertEquals("iqn.2026-11.org.vtl:vault", c.partitions().getFirst().iqn());
    }

    @Test
    void emptyPartitionListIsAllowed() throws ConfigException {
        assertEquals(List.of(), ConfigLoader.parse("partitions: []\n", "none.yaml").partitions());
    }

    @Test
    void allErrorsOfAFileAreReportedTogetherOneLineEach() {
        String yaml = """
                colour: blue
                compression: {level: 20, threads: 65}
                partitions:
                  - {name: a}
                  - {name: b, drives: 0}
                """;
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "bad.yaml"));
        assertEquals(List.of(
                "colour: unknown key (known keys: dataDir, pool, compression, iscsi, partitions, admin, metrics)",
                "compression.level: must be between -7 and 19, was 20",
                "compression.threads: must be between 1 and 64, was 65",
                "partitions[1].drives: must be between 1 and 64, was 0"), e.errors());
        assertEquals("bad.yaml: 4 errors", e.getMessage().lines().findFirst().orElseThrow());
        e.errors().forEach(line -> assertTrue(!line.contains("\n")));
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("pool:\n  groups: 1\n    bad: [\n", "syntax.yaml"));
        assertEquals(1, e.errors().size());
        assertTrue(e.errors().getFirst().startsWith("line 3, column "), e.errors().getFirst());
        assertTrue(e.errors().getFirst().contains("not valid YAML"), e.errors().getFirst());
    }

    @Test
    void duplicateKeyIsAnError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("dataDir: a\ndataDir: b\n", "dup.yaml"));
        assertTrue(e.errors().getFirst().contains("Duplicate field 'dataDir'"), e.errors().getFirst());
    }

    @Test
    void missingFileIsOneLine(@TempDir Path dir) {
        Path file = dir.resolve("nope.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertEquals(List.of("cannot read the file: it does not exist"), e.errors());
        assertTrue(e.getMessage().startsWith(file.toString()));
    }

    @Test
    void loadReadsAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vtl.yaml");
        Files.writeString(file, "dataDir: /tmp/x\n");
        assertEquals("/tmp/x", ConfigLoader.load(file).dataDir());
    }
}
