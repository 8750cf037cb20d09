package org.vtl.raid;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vtl.raid.io.MemberFile;
import org.vtl.raid.io.MemberState;

/**
 * One member disk of a group: its file, state and counters. Owns one writer thread that performs the
 * member's gathered stripe writes in order, so every member of a stripe is written concurrently.
 */
final class Member {

    private static final Logger LOG = LoggerFactory.getLogger(Member.class);
    private static final MemberWrite STOP = new MemberWrite(null);

    final int group;
    final int index;
    final Path path;
    final UUID id;
    final MemberFile file;
    private volatile MemberState state;
    /** For a REBUILDING member: rows below this hold rebuilt data. */
    volatile long rebuiltBelow;
    final LongAdder bytesWritten = new LongAdder();
    final LongAdder bytesRead = new LongAdder();
    final LongAdder errors = new LongAdder();
    private final BlockingQueue<MemberWrite> queue = new ArrayBlockingQueue<>(256);
    private Thread writer;
    private volatile boolean stopped;
    private Consumer<Member> onFailure = m -> { };

    Member(int group, int index, Path path, UUID id, MemberFile file, MemberState state) {
        this.group = group;
        this.index = index;
        this.path = path;
        this.id = id;
        this.file = file;
        this.state = file == null ? MemberState.FAILED : state;
    }

    MemberState state() {
        return state;
    }

    void state(MemberState s) {
        this.state = s;
    }

    /** Whether reads of {@code row} may use this member. */
    boolean readable(long row) {
        MemberState s = state;
        return s == MemberState.ONLINE || (s == MemberState.REBUILDING && row < rebuiltBelow);
    }

    boolean writable() {
        return state != MemberState.FAILED;
    }

    /** Marks the member failed after an I/O error; the pool records it in the other superblocks. */
    void fail(String what, Throwable cause) {
        errors.increment();
        if (state != MemberState.FAILED) {
            state = MemberState.FAILED;
            LOG.error("member {} (group {} index {}) failed on {}: {}", path, group, index, what, cause.toString());
            onFailure.accept(this);
        }
    }

    void start(Consumer<Member> failureListener) {
        this.onFailure = failureListener;
        writer = Thread.ofPlatform().daemon().name("vtl-raid-g" + group + "-m" + index).start(this::drain);
    }

    void submit(MemberWrite w) {
        if (stopped) {
            w.owner.memberDone(w, false);
            return;
        }
        try {
            queue.put(w);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            w.owner.memberDone(w, false);
        }
    }

    private void drain() {
        while (true) {
            MemberWrite w;
            try {
                w = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (w == STOP) {
                return;
            }
            boolean ok = false;
            if (writable()) {
                try {
                    long bytes = w.gather[0].remaining() + w.gather[1].remaining();
                    file.writeGathered(w.gather, w.position);
                    bytesWritten.add(bytes);
                    ok = true;
                } catch (IOException | RuntimeException e) {
                    fail("write at " + w.position, e);
                }
            }
            w.owner.memberDone(w, ok);
        }
    }

    /** Stops the writer after the writes already queued. */
    void stopWriter() {
        stopped = true;
        if (writer != null && writer.isAlive()) {
            try {
                queue.put(STOP);
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void closeFile() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                LOG.warn("closing member {}: {}", path, e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return path + " (group " + group + " member " + index + ", " + state + ")";
    }
}
