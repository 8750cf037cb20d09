package org.vtl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One bad file per rule of the loader and the validator; each must give exactly its one error line. */
class ConfigRulesTest {

    static Stream<Arguments> badFiles() {
        return Stream.of(
                // binding: keys and types
                bad("unknown top-level key", "colour: blue",
                        "colour: unknown key (known keys: dataDir, pool, compression, iscsi, partitions, admin, metrics)"),
                bad("unknown nested key", "pool: {chunksize: 1MiB}",
                        "pool.chunksize: unknown key (known keys: members, chunkSize, groups, directIo, "
                        + "stripesInFlightPerDrive)"),
                bad("unknown key in a list element", "partitions: [{name: a, drive: 2}]",
                        "partitions[0].drive: unknown key (known keys: name, iqn, changer, drives, driveGeneration, "
                                + "driveVendor, slots, importExportSlots, cartridges, quota, chap, allowedInitiators)"),
                bad("section must be a mapping", "pool: 5", "pool: must be a mapping of keys, was 5"),
                bad("top level must be a mapping", "- a", "(top level): must be a mapping of keys, was a list"),
                bad("text expected", "dataDir: [a]", "dataDir: must be a text, was a list"),
                bad("whole number expected", "compression: {level: high}",
                        "compression.level: must be a whole number, was \"high\""),
                bad("fraction is not a whole number", "compression: {threads: 1.5}",
                        "compression.threads: must be a whole number, was 1.5"),
                bad("boolean expected", "pool: {directIo: maybe}", "pool.directIo: must be true or false, was \"maybe\""),
                bad("enum expected", "compression: {codec: lz4}",
                        "compression.codec: must be one of zstd, none, was \"lz4\""),
                bad("changer identity", "partitions: [{name: a, changer: QUANTUM}]",
                        "partitions[0].changer: must be one of IBM_03584L32, STK_L700, was \"QUANTUM\""),
                bad("drive vendor", "partitions: [{name: a, driveVendor: SONY}]",
                        "partitions[0].driveVendor: must be one of IBM, HP, was \"SONY\""),
                bad("size expected", "pool: {chunkSize: big}",
                        "pool.chunkSize: must be a size such as 256KiB, 16GiB or 18TB, was \"big\""),
                bad("negative size", "pool: {members: {size: -1}}",
                        "pool.members.size: must be a size such as 256KiB, 16GiB or 18TB, was -1"),
                bad("list expected", "iscsi: {portals: \"127.0.0.1:3260\"}",
                        "iscsi.portals: must be a list, was \"127.0.0.1:3260\""),
                bad("list element must not be empty", "iscsi: {portals: [~, \"127.0.0.1:3260\"]}", "iscsi.portals[0]: must not be empty"),
                bad("required key missing", "partitions: [{drives: 2}]", "partitions[0].name: is required"),
                bad("required key empty", "partitions: [{name: ~}]", "partitions[0].name: is required"),
                bad("required key of an optional section", "partitions: [{name: a, chap: {secret: twelve-chars}}]",
                        "partitions[0].chap.user: is required"),
                // ranges from @ConfigKey
                bad("number below its range", "partitions: [{name: a}, {name: b, drives: 0}]",
                        "partitions[1].drives: must be between 1 and 64, was 0"),
                bad("size below its range", "pool: {chunkSize: 1KiB}",
                        "pool.chunkSize: must be between 4KiB and 16MiB, was 1KiB"),
                bad("size below its minimum", "pool: {members: {size: 1MiB}}",
                        "pool.members.size: must be at least 64MiB, was 1MiB"),
                bad("list too short", "iscsi: {portals: []}", "iscsi.portals: must have between 1 and 16 entries, was 0"),
                // validator
                bad("data directory empty", "dataDir: \"\"", "dataDir: must not be empty"),
                bad("member paths must match the count", "pool: {members: {count: 6, paths: [/a, /b]}}",
                        "pool.members.paths: must list exactly pool.members.count (6) paths or none, was 2"),
                bad("member paths unique", "pool: {members: {count: 4, paths: [/a, /b, /a, /c]}}",
                        "pool.members.paths[2]: duplicates pool.members.paths[0], \"/a\""),
                bad("chunk size a power of two", "pool: {chunkSize: 96KiB}",
                        "pool.chunkSize: must be a power of two, was 96KiB"),
                bad("groups divide the members", "pool: {members: {count: 7}, groups: 2}",
                        "pool.groups: must divide pool.members.count (7) evenly, was 2"),
                bad("four members per group", "pool: {groups: 2}",
                        "pool.groups: each RAID-6 group needs at least 4 members, 6 members in 2 groups give 3"),
                bad("at most 24 members per group", "pool: {members: {count: 26}}",
                        "pool.groups: each RAID-6 group holds at most 24 members, 26 members in 1 groups give 26"),
                bad("portal is host:port", "iscsi: {portals: [localhost]}",
                        "iscsi.portals[0]: must be host:port with port 0 to 65535, was \"localhost\""),
                bad("portal port in range", "iscsi: {portals: [\"127.0.0.1:70000\"]}",
                        "iscsi.portals[0]: must be host:port with port 0 to 65535, was \"127.0.0.1:70000\""),
                bad("portals unique", "iscsi: {portals: [\"127.0.0.1:3260\", \"127.0.0.1:3260\"]}",
                        "iscsi.portals[1]: duplicates iscsi.portals[0], \"127.0.0.1:3260\""),
                bad("first burst within max burst", "iscsi: {maxBurstLength: 65536, firstBurstLength: 131072}",
                        "iscsi.firstBurstLength: must be at most iscsi.maxBurstLength (65536), was 131072"),
                bad("partition name form", "partitions: [{name: Backup_1}]",
                        "partitions[0].name: must be 1 to 32 characters a-z, 0-9 and '-', starting with a letter "
                                + "or digit, was \"Backup_1\""),
                bad("partition names unique", "partitions: [{name: a}, {name: a, iqn: \"iqn.2026-11.org.vtl:b\"}]",
                        "partitions[1].name: must be unique, \"a\" is used by another partition"),
                bad("target name form", "partitions: [{name: a, iqn: \"iqn.2026-11.org.vtl:A\"}]",
                        "partitions[0].iqn: must be an iSCSI name in lower case such as iqn.2026-11.org.example:tape "
                                + "(RFC 7143 4.2.7), was \"iqn.2026-11.org.vtl:A\""),
                bad("target names unique", "partitions: [{name: a}, {name: b, iqn: \"iqn.2026-11.org.vtl:a\"}]",
                        "partitions[1].iqn: must be unique, \"iqn.2026-11.org.vtl:a\" is the target of another partition"),
                bad("drives write the media", "partitions: [{name: a, cartridges: [{barcodes: A00L7, media: LTO7}]}]",
                        "partitions[0].cartridges[0].media: LTO9 drives cannot write LTO7 media (they write LTO8 and LTO9)"),
                bad("capacity within native", "partitions: [{name: a, driveGeneration: LTO5, "
                                + "cartridges: [{barcodes: A00L5, media: LTO5, capacity: 2TB}]}]",
                        "partitions[0].cartridges[0].capacity: must be at most the native capacity of LTO5 media "
                                + "(1500GB), was 2TB"),
                bad("barcode characters", "partitions: [{name: a, cartridges: [{barcodes: abc-abd}]}]",
                        "partitions[0].cartridges[0].barcodes: barcodes must be 1 to 16 characters A-Z, 0-9, was \"abc\""),
                bad("barcode range ends same length", "partitions: [{name: a, cartridges: [{barcodes: A1L9-A10L9}]}]",
                        "partitions[0].cartridges[0].barcodes: first and last barcode must have the same length, "
                                + "was \"A1L9-A10L9\""),
                bad("barcode range differs in digits only",
                        "partitions: [{name: a, cartridges: [{barcodes: AAA000L9-BBB000L9}]}]",
                        "partitions[0].cartridges[0].barcodes: first and last barcode may differ only in one run of "
                                + "digits, was \"AAA000L9-BBB000L9\""),
                bad("barcode range in order", "partitions: [{name: a, cartridges: [{barcodes: AAA009L9-AAA000L9}]}]",
                        "partitions[0].cartridges[0].barcodes: first barcode must not come after the last, "
                                + "was \"AAA009L9-AAA000L9\""),
                bad("barcode range has two ends", "partitions: [{name: a, cartridges: [{barcodes: A0-A1-A2}]}]",
                        "partitions[0].cartridges[0].barcodes: must be FIRST-LAST or one barcode, was \"A0-A1-A2\""),
                bad("barcode suffix matches media", "partitions: [{name: a, cartridges: [{barcodes: A00L8-A01L8}]}]",
                        "partitions[0].cartridges[0].barcodes: suffix L8 does not match media LTO9 (use L9)"),
                bad("barcodes unique in the appliance",
                        "partitions: [{name: a, cartridges: [{barcodes: A00L9-A05L9}]}, "
                                + "{name: b, cartridges: [{barcodes: A05L9-A06L9}]}]",
                        "partitions[1].cartridges[0].barcodes: A05L9 is already in partitions[0].cartridges[0]"),
                bad("cartridges fit in the slots", "partitions: [{name: a, slots: 5, cartridges: [{barcodes: A00L9-A09L9}]}]",
                        "partitions[0].cartridges: 10 cartridges do not fit in 5 storage slots"),
                bad("chap user length", "partitions: [{name: a, chap: {user: \"\", secret: twelve-chars}}]",
                        "partitions[0].chap.user: must be 1 to 255 characters, was 0"),
                bad("chap secret length", "partitions: [{name: a, chap: {user: u, secret: short}}]",
                        "partitions[0].chap.secret: must be 12 to 16 characters, was 5"),
                bad("mutual chap complete", "partitions: [{name: a, chap: {user: u, secret: twelve-chars, mutualUser: t}}]",
                        "partitions[0].chap: mutualUser and mutualSecret must be given together for mutual CHAP"),
                bad("mutual chap secret length",
                        "partitions: [{name: a, chap: {user: u, secret: twelve-chars, mutualUser: t, "
                                + "mutualSecret: seventeen-chars!!}}]",
                        "partitions[0].chap.mutualSecret: must be 12 to 16 characters, was 17"),
                bad("mutual chap secret differs",
                        "partitions: [{name: a, chap: {user: u, secret: twelve-chars, mutualUser: t, "
                                + "mutualSecret: twelve-chars}}]",
                        "partitions[0].chap.mutualSecret: must differ from secret (RFC 7143 12.1.3)"),
                bad("allowed initiator names", "partitions: [{name: a, allowedInitiators: [\"host1\"]}]",
                        "partitions[0].allowedInitiators[0]: must be an iSCSI name in lower case (iqn., eui. or naa.), "
                                + "was \"host1\""),
                bad("admin listen address", "admin: {listen: \"local host\"}",
                        "admin.listen: must be an IP address or host name, was \"local host\""),
                bad("admin token file", "admin: {tokenFile: \"\"}", "admin.tokenFile: must not be empty"),
                bad("admin port not an iSCSI port", "admin: {port: 3260}",
                        "admin.port: must differ from the port of iSCSI portal 127.0.0.1:3260, was 3260"));
    }

    private static Arguments bad(String rule, String yaml, String error) {
        return Arguments.of(rule, yaml, error);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badFileGivesExactlyItsOneErrorLine(String rule, String yaml, String error) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml + "\n", "bad.yaml"));
        assertEquals(List.of(error), e.errors());
    }
}
