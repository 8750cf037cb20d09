package org.vtl.raid.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuperblockTest {

    @TempDir
    Path dir;

    private static Superblock superblock(long generation) {
        return new Superblock(new UUID(1, 2), new UUID(3, 4), 1, 2, 3, 4, 65536, 1000, generation,
                List.of(MemberState.ONLINE, MemberState.FAILED, MemberState.ONLINE, MemberState.REBUILDING,
                        MemberState.ONLINE, MemberState.ONLINE), 77);
    }

    @Test
    void encodeThenDecodeGivesTheSameSuperblock() {
        ByteBuffer b = ByteBuffer.allocate(SuperblockDescriptor.SIZE);
        SuperblockDescriptor.encode(superblock(9), b);
        assertEquals(superblock(9), SuperblockDescriptor.decode(b));
        assertEquals(MemberState.REBUILDING, SuperblockDescriptor.decode(b).state());
    }

    @Test
    void aFlippedBitFailsTheChecksum() {
        ByteBuffer b = ByteBuffer.allocate(SuperblockDescriptor.SIZE);
        SuperblockDescriptor.encode(superblock(9), b);
        b.put(200, (byte) 1);
        assertNull(SuperblockDescriptor.decode(b));
    }

    @Test
    void generationsAlternateCopiesAndATornCopyFallsBackToTheOther() throws Exception {
        Path path = dir.resolve("member.img");
        try (RandomAccessFile raf = new RandomAccessFile(path.toFile(), "rw")) {
            raf.setLength(1 << 20);
        }
        try (MemberFile file = MemberFile.open(path, IoMode.BUFFERED)) {
            file.writeSuperblock(superblock(4));
            file.writeSuperblock(superblock(5));
            assertEquals(5, file.readSuperblock().generation());
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
            byte[] scribble = new byte[100];
            java.util.Arrays.fill(scribble, (byte) 0xFF);
            ch.write(ByteBuffer.wrap(scribble), SuperblockDescriptor.copyOffset(5) + 300);
        }
        try (MemberFile file = MemberFile.open(path, IoMode.BUFFERED)) {
            assertEquals(4, file.readSuperblock().generation());
        }
    }

    @Test
    void aFileWithoutSuperblockReadsAsNone() throws Exception {
        Path path = dir.resolve("empty.img");
        try (RandomAccessFile raf = new RandomAccessFile(path.toFile(), "rw")) {
            raf.setLength(1 << 16);
        }
        try (MemberFile file = MemberFile.open(path, IoMode.AUTO)) {
            assertNull(file.readSuperblock());
        }
    }
}
