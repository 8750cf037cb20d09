package org.vtl.bench.e2e;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vtl.bench.initiator.InitiatorConfig;
import org.vtl.bench.initiator.IscsiSession;

/**
 * Runs scenarios against one library the way a backup server runs jobs: a control session on the changer moves a
 * cartridge into each drive (MOVE MEDIUM), one session per drive streams the job (see {@link DriveStream}), the
 * drive is unloaded and the cartridge moved home. Phases are aligned across drives with a barrier, and CPU clocks
 * are read at the phase edges.
 */
public final class LibraryRun implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LibraryRun.class);
    private static final long PHASE_TIMEOUT_SECONDS = 600;

    private final TargetLayout layout;
    private final CpuClock clock;
    private final IscsiSession control;
    private final Changer changer;
    private final int transport;

    private LibraryRun(TargetLayout layout, CpuClock clock, IscsiSession control) throws IOException {
        this.layout = layout;
        this.clock = clock;
        this.control = control;
        this.changer = new Changer(control, layout.changerLun());
        changer.awaitReady();
        this.transport = changer.addressAssignment().transportFirst();
    }

    public static LibraryRun open(TargetLayout layout, CpuClock clock) throws IOException {
        IscsiSession control = IscsiSession.login(config(layout, 1));
        try {
            return new LibraryRun(layout, clock, control);
        } catch (IOException | RuntimeException e) {
            control.close();
            throw e;
        }
    }

    static InitiatorConfig config(TargetLayout layout, int outstanding) {
        InitiatorConfig c = InitiatorConfig.defaults(layout.portal(), layout.iqn()).withMaxOutstanding(outstanding);
        return layout.chapUser() == null ? c : c.withChap(layout.chapUser(), layout.chapSecret());
    }

    /** Loads, streams, verifies and unloads; failures come back as a failed result, never as a number. */
    public ScenarioResult run(Scenario s, Corpus corpus, double corpusRatio) {
        List<Element> loaded = new ArrayList<>();
        try {
            List<Element> drives = prepareDrives(s.drives());
            List<Element> full = changer.elements(Element.STORAGE).stream().filter(Element::full).toList();
            if (full.size() < s.drives()) {
                throw new IllegalStateException("only " + full.size() + " cartridges in slots for " + s.drives()
                        + " drives");
            }
            for (int i = 0; i < s.drives(); i++) {
                changer.moveMedium(transport, full.get(i).address(), drives.get(i).address());
                loaded.add(new Element(Element.DATA_TRANSFER, drives.get(i).address(), true, full.get(i).barcode(),
                        full.get(i).address()));
            }
            return stream(s, corpus, corpusRatio);
        } catch (IOException | RuntimeException | InterruptedException e) {
            LOG.warn("{} {} failed: {}", layout.label(), s.key(), e.toString());
            return ScenarioResult.failed(layout.label(), s, e.toString());
        } finally {
            for (Element e : loaded) {
                moveHome(e);
            }
        }
    }

    /** The first {@code count} data transfer elements, emptied of cartridges left by an earlier aborted run. */
    private List<Element> prepareDrives(int count) throws IOException {
        if (count > layout.driveLuns().size()) {
            throw new IllegalArgumentException(count + " drives asked, the layout has " + layout.driveLuns().size());
        }
        List<Element> drives = changer.elements(Element.DATA_TRANSFER);
        if (drives.size() < count) {
            throw new IllegalStateException("changer has " + drives.size() + " drives, " + count + " asked");
        }
        for (Element d : drives) {
            if (d.full()) {
                moveHome(d);
            }
        }
        return drives.subList(0, count);
    }

    private void moveHome(Element drive) {
        try {
            int home = drive.sourceAddress();
            if (home < 0) {
                home = changer.elements(Element.STORAGE).stream().filter(e -> !e.full()).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no empty slot")).address();
            }
            changer.moveMedium(transport, drive.address(), home);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not move the cartridge in drive element {} home: {}", drive.address(), e.toString());
        }
    }

    private ScenarioResult stream(Scenario s, Corpus corpus, double corpusRatio)
            throws InterruptedException, IOException {
        PhaseClock phases = new PhaseClock(clock);
        CyclicBarrier barrier = new CyclicBarrier(s.drives(), phases::mark);
        DriveWorker[] workers = new DriveWorker[s.drives()];
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < s.drives(); i++) {
            workers[i] = new DriveWorker(i, s, corpus, barrier, failure);
            threads.add(Thread.ofPlatform().name("drive-" + layout.driveLuns().get(i)).start(workers[i]));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            Exception e = failure.get();
            return ScenarioResult.failed(layout.label(), s, e instanceof IOException io ? io.toString() : e.toString());
        }
        long bytes = workers[0].stream.bytes() * s.drives();
        double writePerDrive = 0;
        double readPerDrive = 0;
        boolean compressionApplied = true;
        for (DriveWorker w : workers) {
            writePerDrive += mbps(w.stream.bytes(), w.writeNanos) / s.drives();
            readPerDrive += mbps(w.stream.bytes(), w.readNanos) / s.drives();
            compressionApplied &= w.compressionPage || !s.compression();
        }
        return new ScenarioResult(layout.label(), s, mbps(bytes, phases.nanos(0, 1)), mbps(bytes, phases.nanos(2, 3)),
                writePerDrive, readPerDrive, phases.clientCpu(0, 1, bytes), phases.clientCpu(2, 3, bytes),
                phases.targetCpu(0, 1, bytes), phases.targetCpu(2, 3, bytes), corpusRatio, compressionApplied, true,
                compressionApplied ? "" : "target has no Data Compression page");
    }

    static double mbps(long bytes, long nanos) {
        return bytes / (nanos / 1e9) / 1e6;
    }

    /** One drive's job in its own session and thread; phases separated by the shared barrier. */
    private final class DriveWorker implements Runnable {
        private final int index;
        private final Scenario scenario;
        private final Corpus corpus;
        private final CyclicBarrier barrier;
        private final AtomicReference<Exception> failure;
        DriveStream stream;
        long writeNanos;
        long readNanos;
        boolean compressionPage;

        DriveWorker(int index, Scenario scenario, Corpus corpus, CyclicBarrier barrier,
                    AtomicReference<Exception> failure) {
            this.index = index;
            this.scenario = scenario;
            this.corpus = corpus;
            this.barrier = barrier;
            this.failure = failure;
        }

        @Override
        public void run() {
            int lun = layout.driveLuns().get(index);
            try (IscsiSession session = IscsiSession.login(config(layout, scenario.outstanding()))) {
                TapeDrive drive = new TapeDrive(session, lun);
                drive.awaitReady();
                compressionPage = drive.configure(scenario.compression());
                drive.rewind();
                stream = new DriveStream(drive, corpus, index, scenario.blockSize(), scenario.bytesPerDrive(),
                        scenario.outstanding());
                phase();
                writeNanos = stream.write();
                phase();
                drive.rewind();
                phase();
                readNanos = stream.readAndVerify();
                phase();
                drive.rewind();
                drive.unload();
            } catch (Exception e) {
                if (!(e instanceof BrokenBarrierException)) {
                    failure.compareAndSet(null, e);
                }
                barrier.reset();
            }
        }

        private void phase() throws Exception {
            try {
                barrier.await(PHASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new IOException("drives did not reach the phase edge in " + PHASE_TIMEOUT_SECONDS + " s", e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        control.close();
    }
}
