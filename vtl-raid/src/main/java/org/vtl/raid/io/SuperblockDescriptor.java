package org.vtl.raid.io;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * Byte layout of a member superblock: 4096 bytes, big-endian, two copies at member offsets 0 and 4096;
 * generation {@code g} is written to copy {@code g % 2}, so a torn write leaves the other copy intact.
 * <pre>
 *   0  magic "VTLRAID6"            8   version (1)        12  member count n
 *  16  pool id (16)               32  member id (16)
 *  48  group                      52  group count        56  member index      60  data width k
 *  64  chunk size                 68  reserved           72  rows              80  generation
 *  88  rebuild checkpoint         96  states[n], one byte each (MemberState codes)
 * 4092 CRC32C of bytes 0..4091
 * </pre>
 */
public final class SuperblockDescriptor {

    public static final int SIZE = 4096;
    public static final long MAGIC = 0x5654_4C52_4149_4436L; // "VTLRAID6"
    static final int VERSION = 1;
    private static final int MEMBER_COUNT = 12;
    private static final int POOL_ID = 16;
    private static final int MEMBER_ID = 32;
    private static final int GROUP = 48;
    private static final int GROUP_COUNT = 52;
    private static final int MEMBER_INDEX = 56;
    private static final int DATA_WIDTH = 60;
    private static final int CHUNK_SIZE = 64;
    private static final int ROWS = 72;
    private static final int GENERATION = 80;
    private static final int REBUILD_CHECKPOINT = 88;
    private static final int STATES = 96;
    private static final int CRC = SIZE - 4;

    private SuperblockDescriptor() {
    }

    /** Member offset of the copy that generation {@code generation} is written to. */
    public static long copyOffset(long generation) {
        return (generation & 1) * SIZE;
    }

    /** Encodes into {@code dst[0..4096)} (absolute indexes; position untouched). */
    public static void encode(Superblock sb, ByteBuffer dst) {
        for (int i = 0; i < SIZE; i += 8) {
            dst.putLong(i, 0L);
        }
        dst.putLong(0, MAGIC);
        dst.putInt(8, VERSION);
        dst.putInt(MEMBER_COUNT, sb.states().size());
        putUuid(dst, POOL_ID, sb.poolId());
        putUuid(dst, MEMBER_ID, sb.memberId());
        dst.putInt(GROUP, sb.group());
        dst.putInt(GROUP_COUNT, sb.groupCount());
        dst.putInt(MEMBER_INDEX, sb.memberIndex());
        dst.putInt(DATA_WIDTH, sb.dataWidth());
        dst.putInt(CHUNK_SIZE, sb.chunkSize());
        dst.putLong(ROWS, sb.rows());
        dst.putLong(GENERATION, sb.generation());
        dst.putLong(REBUILD_CHECKPOINT, sb.rebuildCheckpoint());
        for (int i = 0; i < sb.states().size(); i++) {
            dst.put(STATES + i, (byte) sb.states().get(i).code());
        }
        dst.putInt(CRC, crc(dst));
    }

    /** Decodes a copy, or returns null when the magic, version, bounds or CRC do not check out. */
    public static Superblock decode(ByteBuffer src) {
        if (src.getLong(0) != MAGIC || src.getInt(8) != VERSION || src.getInt(CRC) != crc(src)) {
            return null;
        }
        int n = src.getInt(MEMBER_COUNT);
        int index = src.getInt(MEMBER_INDEX);
        if (n < 4 || n > 24 || index < 0 || index >= n || src.getInt(DATA_WIDTH) != n - 2) {
            return null;
        }
        List<MemberState> states = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int code = src.get(STATES + i);
            if (code < 0 || code > 2) {
                return null;
            }
            states.add(MemberState.of(code));
        }
        return new Superblock(uuid(src, POOL_ID), uuid(src, MEMBER_ID), src.getInt(GROUP), src.getInt(GROUP_COUNT),
                index, n - 2, src.getInt(CHUNK_SIZE), src.getLong(ROWS), src.getLong(GENERATION), states,
                src.getLong(REBUILD_CHECKPOINT));
    }

    private static int crc(ByteBuffer b) {
        CRC32C crc = new CRC32C();
        crc.update(b.duplicate().position(0).limit(CRC));
        return (int) crc.getValue();
    }

    private static void putUuid(ByteBuffer b, int at, UUID id) {
        b.putLong(at, id.getMostSignificantBits());
        b.putLong(at + 8, id.getLeastSignificantBits());
    }

    private static UUID uuid(ByteBuffer b, int at) {
        return new UUID(b.getLong(at), b.getLong(at + 8));
    }
}
