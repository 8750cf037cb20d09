package org.vtl.raid;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vtl.raid.io.IoMode;
import org.vtl.raid.io.MemberFile;
import org.vtl.raid.io.MemberState;

/**
 * One member disk of a group: its file, state and counters. Owns the writer threads (one, or several for
 * O_DIRECT) that take the member's gathered stripe writes and flush requests from its {@link MemberQueue},
 * so every member of a stripe is written concurrently.
 */
final class Member {

    private static final Logger LOG = LoggerFactory.getLogger(Member.class);
    private static final MemberWrite STOP = new MemberWrite(null);
    private final MemberWrite forceRequest = new MemberWrite(null);

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
    /**
     * Writer threads of an O_DIRECT member, each with its own channel, so several writes are in flight
     * (O_DIRECT writes are synchronous). Measured on this machine's virtio disk: 2 reach about half of the
     * plain-file rate, 8 match it. Override with {@code -Dvtl.raid.directWritersPerMember=N}.
     */
    private static final int DIRECT_WRITERS = Math.max(1, Integer.getInteger("vtl.raid.directWritersPerMember", 8));

    private MemberQueue queue = new MemberQueue(0);
    private Thread[] writers = new Thread[0];
    private MemberFile[] channels = new MemberFile[0];
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
        if (file == null) {
            return;
        }
        int count = file.direct() ? DIRECT_WRITERS : 1;
        channels = new MemberFile[count];
        writers = new Thread[count];
        queue = new MemberQueue(count);
        channels[0] = file;
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                try {
                    channels[i] = MemberFile.open(path, IoMode.DIRECT);
                } catch (IOException e) {
                    channels[i] = file;
                }
            }
            MemberFile channel = channels[i];
            writers[i] = Thread.ofPlatform().daemon().name("vtl-raid-g" + group + "-m" + index + "-w" + i)
                    .start(() -> drain(channel));
        }
    }

    void submit(MemberWrite w) {
        synchronized (this) {
            if (!stopped) {
                queue.put(w);
                return;
            }
        }
        w.owner.memberDone(w, false);
    }

    /**
     * Makes this member's acknowledged writes durable as part of {@code round}: on a writer thread, so the
     * members of a pool flush at the same time, or here once the writers are stopped.
     */
    void requestForce(ForceRound round) {
        synchronized (this) {
            if (!stopped) {
                forceRequest.round = round;
                queue.putFirst(forceRequest);
                return;
            }
        }
        force(file);
        round.done();
    }

    private void force(MemberFile channel) {
        try {
            channel.force();
        } catch (IOException | RuntimeException e) {
            fail("fsync", e);
        }
    }

    private void drain(MemberFile channel) {
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
            if (w == forceRequest) {
                ForceRound round = w.round;
                if (writable()) {
                    force(channel);
                }
                round.done();
                continue;
            }
            boolean ok = false;
            if (writable()) {
                try {
                    long bytes = w.gather[0].remaining() + w.gather[1].remaining();
                    channel.writeGathered(w.gather, w.position);
                    bytesWritten.add(bytes);
                    ok = true;
                } catch (IOException | RuntimeException e) {
                    fail("write at " + w.position, e);
                }
            }
            w.owner.memberDone(w, ok);
        }
    }

    /** Stops the writers after the writes already queued. */
    void stopWriter() {
        synchronized (this) {
            stopped = true;
            for (int i = 0; i < writers.length; i++) {
                queue.put(STOP);
            }
        }
        for (Thread writer : writers) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void closeFile() {
        for (MemberFile channel : channels) {
            if (channel != file) {
                closeQuietly(channel);
            }
        }
        if (file != null) {
            closeQuietly(file);
        }
    }

    private void closeQuietly(MemberFile f) {
        try {
            f.close();
        } catch (IOException e) {
            LOG.warn("closing member {}: {}", path, e.toString());
        }
    }

    @Override
    public String toString() {
        return path + " (group " + group + " member " + index + ", " + state + ")";
    }
}
