package org.vtl.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency direction of docs/architecture.md: raid and compress know no other project module,
 * core knows SCSI but no network, the iSCSI target knows no tapes, RAID or compression, and only the
 * catalog's RocksDB store touches RocksDB.
 */
class DependencyDirectionTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.vtl");
    }

    @Test
    void raidDependsOnNoOtherProjectModule() {
        noClasses().that().resideInAPackage("org.vtl.raid..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.vtl.compress..", "org.vtl.scsi..", "org.vtl.cartridge..", "org.vtl.library..",
                        "org.vtl.catalog..", "org.vtl.iscsi..", "org.vtl.config..", "org.vtl.appliance..",
                        "org.vtl.admin..", "org.vtl.cli..", "org.vtl.bench..")
                .check(classes);
    }

    @Test
    void compressDependsOnNoOtherProjectModule() {
        noClasses().that().resideInAPackage("org.vtl.compress..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.vtl.raid..", "org.vtl.scsi..", "org.vtl.cartridge..", "org.vtl.library..",
                        "org.vtl.catalog..", "org.vtl.iscsi..", "org.vtl.config..", "org.vtl.appliance..",
                        "org.vtl.admin..", "org.vtl.cli..", "org.vtl.bench..")
                .check(classes);
    }

    @Test
    void coreNeverReachesUpOrIntoTheNetwork() {
        noClasses().that().resideInAnyPackage("org.vtl.scsi..", "org.vtl.cartridge..", "org.vtl.library..",
                        "org.vtl.catalog..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.vtl.iscsi..", "org.vtl.config..", "org.vtl.appliance..", "org.vtl.admin..",
                        "org.vtl.cli..", "org.vtl.bench..", "io.netty..", "java.net..", "java.nio.channels.SocketChannel")
                .check(classes);
    }

    @Test
    void iscsiTargetKnowsNoTapesRaidOrCompression() {
        noClasses().that().resideInAPackage("org.vtl.iscsi..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.vtl.raid..", "org.vtl.compress..", "org.vtl.cartridge..", "org.vtl.library..",
                        "org.vtl.catalog..", "org.vtl.config..", "org.vtl.appliance..", "org.vtl.admin..",
                        "org.vtl.cli..", "org.rocksdb..")
                .check(classes);
    }

    @Test
    void configDependsOnNoOtherProjectModule() {
        noClasses().that().resideInAPackage("org.vtl.config..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.vtl.raid..", "org.vtl.compress..", "org.vtl.scsi..", "org.vtl.cartridge..",
                        "org.vtl.library..", "org.vtl.catalog..", "org.vtl.iscsi..", "org.vtl.appliance..",
                        "org.vtl.admin..", "org.vtl.cli..")
                .check(classes);
    }

    @Test
    void onlyTheCatalogStoreTouchesRocksDb() {
        noClasses().that().resideOutsideOfPackage("org.vtl.catalog..")
                .should().dependOnClassesThat().resideInAPackage("org.rocksdb..")
                .check(classes);
    }

    @Test
    void nothingInCoreImportsNetty() {
        noClasses().that().resideInAnyPackage("org.vtl.scsi..", "org.vtl.cartridge..", "org.vtl.library..",
                        "org.vtl.catalog..", "org.vtl.raid..", "org.vtl.compress..")
                .should().dependOnClassesThat().resideInAPackage("io.netty..")
                .check(classes);
    }
}
