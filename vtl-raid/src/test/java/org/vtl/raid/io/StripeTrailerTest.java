package org.vtl.raid.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class StripeTrailerTest {

    private final CRC32C crc = new CRC32C();

    private ByteBuffer trailer() {
        ByteBuffer t = ByteBuffer.allocateDirect(StripeTrailerDescriptor.SIZE);
        StripeTrailerDescriptor.encode(t, 11, 22, 1, 3, 40, 9000, 4096, 123);
        for (int role = 0; role < 5; role++) {
            StripeTrailerDescriptor.chunkCrc(t, role, 1000 + role);
        }
        StripeTrailerDescriptor.seal(t, 4, crc);
        return t;
    }

    @Test
    void aSealedTrailerDescribesItsStripe() {
        ByteBuffer t = trailer();
        assertTrue(StripeTrailerDescriptor.valid(t, crc));
        assertTrue(StripeTrailerDescriptor.describes(t, 11, 22, 1, 40, 3, 9000));
        assertEquals(4, StripeTrailerDescriptor.role(t));
        assertEquals(1003, StripeTrailerDescriptor.chunkCrc(t, 3));
        assertEquals(123, StripeTrailerDescriptor.sequence(t));
    }

    @Test
    void anotherRowWidthLengthOrPoolIsNotDescribed() {
        ByteBuffer t = trailer();
        assertFalse(StripeTrailerDescriptor.describes(t, 11, 22, 1, 41, 3, 9000));
        assertFalse(StripeTrailerDescriptor.describes(t, 11, 22, 1, 40, 2, 9000));
        assertFalse(StripeTrailerDescriptor.describes(t, 11, 22, 1, 40, 3, 9001));
        assertFalse(StripeTrailerDescriptor.describes(t, 11, 23, 1, 40, 3, 9000));
        assertFalse(StripeTrailerDescriptor.describes(t, 11, 22, 0, 40, 3, 9000));
    }

    @Test
    void anyFlippedBitInvalidatesTheTrailer() {
        for (int offset : new int[] {0, 12, 40, 70, 4000, 4095}) {
            ByteBuffer t = trailer();
            t.put(offset, (byte) (t.get(offset) ^ 0x10));
            assertFalse(StripeTrailerDescriptor.valid(t, crc), "flip at " + offset);
        }
    }
}
