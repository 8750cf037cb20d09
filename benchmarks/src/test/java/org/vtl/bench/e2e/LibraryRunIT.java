package org.vtl.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vtl.bench.initiator.IscsiSession;
import org.vtl.bench.initiator.TgtTarget;

/** The load generator against a private tgt library with two drives (LUNs 1, 2) and its changer (LUN 3). */
@Timeout(60)
class LibraryRunIT {
    private static final int PORT = 3292;
    private static final long BYTES = 2L << 20;
    @TempDir
    static Path state;
    static TgtTarget tgt;
    static TargetLayout layout;
    static Corpus corpus;

    @BeforeAll
    static void startTgt() throws IOException {
        tgt = TgtTarget.start(state, PORT, 92, 2);
        layout = new TargetLayout("tgt", tgt.portal(), TgtTarget.IQN, tgt.changerLun(), List.of(1, 2), tgt.pid(),
                null, null);
        corpus = Corpus.generate(Corpus.Kind.REALISTIC, 1, 4 << 20);
    }

    @AfterAll
    static void stopTgt() throws IOException {
        if (tgt != null) {
            tgt.close();
        }
    }

    @Test
    void twoDrivesWriteAndVerifyEveryByteAndCartridgesGoHome() throws IOException {
        try (LibraryRun run = LibraryRun.open(layout, new CpuClock(tgt.pid(), 100))) {
            ScenarioResult r = run.run(new Scenario(64 * 1024, 2, Corpus.Kind.REALISTIC, true, 2, BYTES), corpus,
                    2.3);
            assertTrue(r.verified(), r.note());
            assertTrue(r.writeAggregate() > 0 && r.readAggregate() > 0);
            assertFalse(r.compressionApplied(), "tgt has no Data Compression page");
        }
        try (IscsiSession s = IscsiSession.login(LibraryRun.config(layout, 1))) {
            Changer changer = new Changer(s, tgt.changerLun());
            changer.awaitReady();
            assertTrue(changer.elements(Element.DATA_TRANSFER).stream().noneMatch(Element::full), "drives empty");
            assertEquals(4, changer.elements(Element.STORAGE).stream().filter(Element::full).count());
        }
    }

    @Test
    void moreDrivesThanTheLibraryHasIsAFailedResultNotANumber() throws IOException {
        try (LibraryRun run = LibraryRun.open(layout, new CpuClock(0, 100))) {
            ScenarioResult r = run.run(new Scenario(64 * 1024, 3, Corpus.Kind.RANDOM, false, 1, BYTES), corpus, 1);
            assertFalse(r.verified());
            assertTrue(Double.isNaN(r.writeAggregate()));
        }
    }

    @Test
    void readingBackOtherBytesThanWereWrittenFailsVerification() throws IOException {
        Corpus other = Corpus.generate(Corpus.Kind.REALISTIC, 2, 4 << 20);
        try (IscsiSession control = IscsiSession.login(LibraryRun.config(layout, 1));
             IscsiSession session = IscsiSession.login(LibraryRun.config(layout, 1))) {
            Changer changer = new Changer(control, tgt.changerLun());
            changer.awaitReady();
            int transport = changer.addressAssignment().transportFirst();
            Element slot = changer.elements(Element.STORAGE).stream().filter(Element::full).findFirst().orElseThrow();
            Element drive = changer.elements(Element.DATA_TRANSFER).getFirst();
            changer.moveMedium(transport, slot.address(), drive.address());
            try {
                TapeDrive tape = new TapeDrive(session, 1);
                tape.awaitReady();
                tape.configure(false);
                tape.rewind();
                new DriveStream(tape, corpus, 0, 65536, 4 * 65536, 1).write();
                tape.rewind();
                DriveStream reader = new DriveStream(tape, other, 0, 65536, 4 * 65536, 1);
                assertThrows(DriveStream.VerificationException.class, reader::readAndVerify);
            } finally {
                changer.moveMedium(transport, drive.address(), slot.address());
            }
        }
    }
}
