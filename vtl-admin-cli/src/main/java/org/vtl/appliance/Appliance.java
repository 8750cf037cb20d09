package org.vtl.appliance;

import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vtl.admin.AdminApi;
import org.vtl.admin.AdminServer;
import org.vtl.admin.AdminServices;
import org.vtl.admin.ComponentStatus;
import org.vtl.admin.HealthView;
import org.vtl.admin.JobRegistry;
import org.vtl.cartridge.CapacityPolicy;
import org.vtl.cartridge.log.CartridgeBackend;
import org.vtl.cartridge.log.LogConfig;
import org.vtl.cartridge.segment.BlockRecordDescriptor;
import org.vtl.cartridge.segment.EngineCodec;
import org.vtl.cartridge.segment.PoolSegmentStore;
import org.vtl.cartridge.segment.SegmentDescriptor;
import org.vtl.cartridge.segment.StoredCodec;
import org.vtl.catalog.Catalog;
import org.vtl.config.IscsiConfig;
import org.vtl.config.Portal;
import org.vtl.iscsi.server.IscsiTargetConfig;
import org.vtl.iscsi.server.IscsiTargetServer;
import org.vtl.iscsi.server.TargetRegistry;
import org.vtl.catalog.CatalogBatch;
import org.vtl.compress.Codec;
import org.vtl.compress.CompressionEngine;
import org.vtl.compress.EngineConfig;
import org.vtl.config.ApplianceConfig;
import org.vtl.config.PartitionConfig;

/**
 * The running appliance. Starts its parts in dependency order and stops them in reverse:
 * <ol>
 * <li>data directory and its lock ({@link DataDirectory});</li>
 * <li>catalog (RocksDB: partitions, elements, cartridges, block index);</li>
 * <li>RAID-6 pool;</li>
 * <li>compression engine;</li>
 * <li>library partitions: changer and tape drive logical units;</li>
 * <li>iSCSI target: one target per partition on every portal;</li>
 * <li>admin API and metrics ({@link AdminServer}).</li>
 * </ol>
 * A part that is not in this build is not faked: the appliance serves without it and reports it as
 * {@link ComponentStatus.State#NOT_AVAILABLE} in {@code /health} and in {@link #summary()}.
 */
public final class Appliance implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Appliance.class);
    private static final String CATALOG_DIR = "catalog";

    private final ApplianceConfig config;
    private final Instant started = Instant.now();
    private final List<ComponentStatus> components = new CopyOnWriteArrayList<>();
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private DataDirectory data;
    private AdminServer admin;
    private Path urlFile;
    private boolean closed;
    private TargetRegistry registry;
    private LibraryTargets served;
    private final List<java.net.InetSocketAddress> portalAddresses = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Appliance(ApplianceConfig config) {
        this.config = config;
    }

    /**
     * Starts the appliance described by a validated configuration.
     *
     * @throws ApplianceException with one line to show when a part cannot start; whatever started is stopped again
     */
    public static Appliance start(ApplianceConfig config) throws ApplianceException {
        Appliance appliance = new Appliance(config);
        try {
            appliance.startAll();
        } catch (ApplianceException | RuntimeException e) {
            appliance.close();
            throw e;
        }
        return appliance;
    }

    private void startAll() throws ApplianceException {
        if (config.metrics().jvm()) {
            List.of(new JvmMemoryMetrics(), new JvmThreadMetrics(), new ClassLoaderMetrics(), new ProcessorMetrics(),
                    new UptimeMetrics()).forEach(binder -> binder.bindTo(meters));
            JvmGcMetrics gc = new JvmGcMetrics();
            gc.bindTo(meters);
            running.push(gc);
        }
        data = DataDirectory.open(Path.of(config.dataDir()));
        running.push(data);
        component(ComponentStatus.running("data directory", data.path() + " (locked)"));
        AdminServices services = startStorage();
        JobRegistry jobs = new JobRegistry();
        running.push(jobs);
        Gauge.builder("vtl.jobs.running", jobs, JobRegistry::running).description("jobs running").register(meters);
        startAdmin(jobs, services);
    }

    /**
     * The storage stack and the target, in this order, each handing its services to the next: catalog, pool,
     * compression engine, partitions, iSCSI target. A part whose module is not wired yet is reported as not
     * available.
     */
    private AdminServices startStorage() throws ApplianceException {
        Catalog catalog = openCatalog();
        CatalogLibrary library = new CatalogLibrary(catalog, applianceId(catalog));
        if (library.empty()) {
            seed(library);
        }
        CatalogCartridges cartridges = new CatalogCartridges(library);
        component(ComponentStatus.running("catalog", data.resolve(CATALOG_DIR) + " (RocksDB): "
                + library.list().size() + " partitions, " + catalog.cartridges().size() + " cartridges"));
        RaidPoolService pool = RaidPoolService.open(config, data, catalog, meters);
        running.push(pool);
        component(ComponentStatus.running("pool", pool.describe() + " (chunk " + config.pool().chunkSize() + ")"));
        CompressionEngine engine = CompressionEngine.start(EngineConfig.defaults().withName("compress")
                .withThreads(config.compression().threads()).withQueueDepth(config.compression().queueDepth())
                .withCompression(config.compression().codec() == org.vtl.config.Codec.ZSTD ? Codec.ZSTD : Codec.NONE,
                        config.compression().level()), meters);
        running.push(engine);
        component(ComponentStatus.running("compression engine", config.compression().codec() + " level "
                + config.compression().level() + ", " + config.compression().threads() + " threads, queue depth "
                + config.compression().queueDepth()));
        CartridgeBackend backend = openBackend(catalog, pool, engine);
        registry = new TargetRegistry();
        LibraryTargets targets = new LibraryTargets(applianceId(catalog), backend,
                new CatalogLibraryStateStore(catalog), registry, maxBlock(pool), meters);
        running.push(targets);
        served = targets;
        library.attach(targets);
        component(ComponentStatus.running("partitions", describe(library) + "; largest block "
                + maxBlock(pool) + " bytes"));
        List<String> portals = startPortals(registry, targets);
        component(ComponentStatus.running("iSCSI target", String.join(", ", portals) + " (" + targets.targets()
                + " targets)"));
        return new AdminServices(Optional.of(library), Optional.of(cartridges), Optional.of(pool),
                Optional.of(new CatalogStats(library)));
    }

    /**
     * The cartridge layer on the pool and the engine. It owns the catalog and the pool from now on and closes
     * them itself, after the partitions are stopped.
     */
    private CartridgeBackend openBackend(Catalog catalog, RaidPoolService pool, CompressionEngine engine)
            throws ApplianceException {
        boolean compress = config.compression().codec() == org.vtl.config.Codec.ZSTD;
        LogConfig log = new LogConfig(new CapacityPolicy(0, 10, maxBlock(pool)), 16,
                config.pool().stripesInFlightPerDrive());
        try {
            CartridgeBackend backend = CartridgeBackend.open(catalog, new PoolSegmentStore(pool.pool()),
                    id -> compress ? new EngineCodec(engine, id) : new StoredCodec(), log);
            running.remove(catalog);
            running.remove(pool);
            running.push(backend);
            return backend;
        } catch (IOException | RuntimeException e) {
            throw new ApplianceException("cannot open the cartridge layer on the pool: " + e.getMessage());
        }
    }

    /** The largest tape block: one segment is one stripe, which also holds the segment and record headers. */
    private static int maxBlock(RaidPoolService pool) {
        int room = pool.pool().stripeCapacity() - SegmentDescriptor.HEADER_LENGTH
                - 2 * BlockRecordDescriptor.HEADER_LENGTH;
        return Math.min(CapacityPolicy.DEFAULT_MAX_BLOCK_SIZE, room);
    }

    private List<String> startPortals(TargetRegistry registry, LibraryTargets targets) throws ApplianceException {
        List<String> bound = new java.util.ArrayList<>();
        IscsiConfig iscsi = config.iscsi();
        for (String text : iscsi.portals()) {
            Portal portal = Portal.parse(text);
            IscsiTargetConfig portalConfig = IscsiTargetConfig.defaults().withPortal(portal.host(), portal.port())
                    .withDataTransfer(iscsi.maxRecvDataSegmentLength(), iscsi.maxBurstLength(),
                            iscsi.firstBurstLength(), true, true, 4);
            try {
                IscsiTargetServer server = IscsiTargetServer.start(portalConfig, registry, meters);
                running.push(server);
                server.limitSessions(iscsi.maxSessions());
                targets.portal(server);
                portalAddresses.add(server.localAddress());
                bound.add(server.localAddress().getAddress().getHostAddress() + ":" + server.localAddress().getPort());
            } catch (Exception e) {
                boolean taken = e instanceof BindException || e.getCause() instanceof BindException
                        || String.valueOf(e.getMessage()).contains("Address already in use");
                String why = taken ? "address already in use; stop what uses it (tgt?) or change iscsi.portals"
                        : String.valueOf(e.getMessage());
                throw new ApplianceException("iSCSI portal " + text + " cannot listen: " + why);
            }
        }
        return bound;
    }

    private Catalog openCatalog() throws ApplianceException {
        try {
            Catalog catalog = Catalog.open(data.resolve(CATALOG_DIR));
            running.push(catalog);
            return catalog;
        } catch (RuntimeException e) {
            throw new ApplianceException("cannot open the catalog in " + data.resolve(CATALOG_DIR) + ": "
                    + e.getMessage());
        }
    }

    /** The appliance's persistent identity (serial numbers derive from it), created with the catalog. */
    private static String applianceId(Catalog catalog) {
        byte[] key = "id".getBytes(StandardCharsets.US_ASCII);
        return catalog.state("appliance", key).map(v -> new String(v, StandardCharsets.US_ASCII)).orElseGet(() -> {
            String id = java.util.UUID.randomUUID().toString();
            try (CatalogBatch batch = catalog.batch()) {
                batch.putState("appliance", key, id.getBytes(StandardCharsets.US_ASCII));
                catalog.commit(batch, true);
            }
            return id;
        });
    }

    /** A fresh catalog is seeded from the configuration; afterwards the catalog owns the state. */
    private void seed(CatalogLibrary library) throws ApplianceException {
        for (PartitionConfig p : config.partitions()) {
            try {
                library.create(p);
            } catch (org.vtl.admin.ApiException e) {
                throw new ApplianceException("cannot create partition " + p.name() + " from the configuration: "
                        + e.getMessage());
            }
        }
        LOG.info("catalog seeded from the configuration: {} partitions", config.partitions().size());
    }

    private static String describe(CatalogLibrary library) {
        List<org.vtl.admin.PartitionView> all = library.list();
        if (all.isEmpty()) {
            return "no partitions";
        }
        return all.stream().map(v -> describe(v.config()) + " with " + v.cartridges() + " cartridges")
                .collect(Collectors.joining("; "));
    }

    private void startAdmin(JobRegistry jobs, AdminServices services) throws ApplianceException {
        AdminToken token = AdminToken.loadOrCreate(data.resolve(config.admin().tokenFile()));
        String at = config.admin().listen() + ":" + config.admin().port();
        try {
            admin = AdminServer.start(config.admin().listen(), config.admin().port(), token.value(),
                    AdminApi.routes(this::health, config.metrics().enabled() ? meters : null, services, jobs), meters);
        } catch (BindException e) {
            throw new ApplianceException("admin API cannot listen on " + at + ": " + lower(e.getMessage())
                    + "; stop what uses it or set admin.port in the configuration");
        } catch (IOException | IllegalArgumentException e) {
            throw new ApplianceException("admin API cannot listen on " + at + ": " + e.getMessage());
        }
        running.push(admin);
        urlFile = data.resolve(DataDirectory.URL_FILE);
        try {
            Files.writeString(urlFile, admin.uri() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ApplianceException("cannot write " + urlFile + ": " + DataDirectory.reason(e));
        }
        component(ComponentStatus.running("admin API", admin.uri() + " (token in " + token.file() + ")"));
        for (ComponentStatus c : components) {
            Gauge.builder("vtl.component.up", () -> up(c.name())).tag("component", c.name())
                    .description("1 when the component runs").register(meters);
        }
    }

    private double up(String name) {
        return components.stream().anyMatch(c -> c.name().equals(name) && c.state() == ComponentStatus.State.RUNNING)
                ? 1 : 0;
    }

    private void component(ComponentStatus status) {
        components.removeIf(c -> c.name().equals(status.name()));
        components.add(status);
    }

    private static String describe(PartitionConfig p) {
        return p.name() + " (" + p.iqn() + ", " + p.drives() + " " + p.driveGeneration() + " drives, " + p.slots()
                + " slots, " + p.importExportSlots() + " mail slots)";
    }

    private static String lower(String message) {
        return message == null ? "address in use" : message.toLowerCase(java.util.Locale.ROOT);
    }

    /** The health as {@code GET /health} returns it. */
    public HealthView health() {
        List<ComponentStatus> now = List.copyOf(components);
        String version = Appliance.class.getPackage().getImplementationVersion();
        return new HealthView(HealthView.statusOf(now), version == null ? "development" : version,
                Duration.between(started, Instant.now()).toSeconds(), data == null ? null : data.path().toString(),
                now);
    }

    /** The admin API's address. */
    public java.net.URI adminUri() {
        return admin.uri();
    }

    /** The iSCSI targets served, one per partition (for tests and the end-to-end harness). */
    public TargetRegistry targets() {
        return registry;
    }

    /**
     * The stored bytes a served partition's capacity quota counts now (its cartridges in the cartridge layer), or -1
     * when it is not served (for tests and the end-to-end harness).
     */
    public long quotaUsedBytes(String partition) {
        var store = served == null ? null : served.store(partition);
        return store == null ? -1 : store.storedBytes();
    }

    /** The addresses the iSCSI portals listen on (for tests and the end-to-end harness). */
    public List<java.net.InetSocketAddress> portals() {
        return List.copyOf(portalAddresses);
    }

    /** The data directory in use. */
    public Path dataDirectory() {
        return data.path();
    }

    /** The meters. */
    public PrometheusMeterRegistry meters() {
        return meters;
    }

    /**
     * One line saying what the appliance serves and what it does not: portals, partitions, pool, admin API.
     */
    public String summary() {
        String serving = components.stream().filter(c -> c.state() == ComponentStatus.State.RUNNING)
                .map(c -> c.name() + " " + c.detail()).collect(Collectors.joining("; "));
        String missing = components.stream().filter(c -> c.state() != ComponentStatus.State.RUNNING)
                .map(c -> c.name() + " (" + c.detail() + ")").collect(Collectors.joining("; "));
        return "vtl " + HealthView.statusOf(components) + ": " + serving
                + (missing.isEmpty() ? "" : " | NOT serving: " + missing);
    }

    /** Stops everything in reverse start order; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (urlFile != null) {
            try {
                Files.deleteIfExists(urlFile);
            } catch (IOException e) {
                LOG.warn("cannot delete {}: {}", urlFile, e.getMessage());
            }
        }
        while (!running.isEmpty()) {
            AutoCloseable part = running.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
        components.replaceAll(c -> c.state() == ComponentStatus.State.RUNNING
                ? new ComponentStatus(c.name(), ComponentStatus.State.STOPPED, c.detail()) : c);
        meters.close();
    }
}
