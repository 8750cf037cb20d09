package org.vtl.iscsi.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Framing rules of {@link PduDecoder} (RFC 7143 11.1, 11.2): lengths first, digests, discard after errors. */
class PduDecoderTest {

    private static byte[] nopOut(int dataLength, int ahsWords) {
        byte[] b = new byte[48 + ahsWords * 4 + dataLength + BhsDescriptor.padding(dataLength)];
        b[0] = 0x40;                                        // NOP-Out, immediate
        b[1] = (byte) 0x80;                                 // F
        b[4] = (byte) ahsWords;                             // TotalAHSLength
        b[5] = (byte) (dataLength >> 16);                   // DataSegmentLength
        b[6] = (byte) (dataLength >> 8);
        b[7] = (byte) dataLength;
        for (int i = 0; i < dataLength; i++) {
            b[48 + ahsWords * 4 + i] = (byte) i;
        }
        return b;
    }

    private static EmbeddedChannel channel(PduDecoder decoder) {
        return new EmbeddedChannel(decoder);
    }

    private static void feed(EmbeddedChannel ch, byte[] bytes, int from, int to) {
        ByteBuf b = Unpooled.directBuffer(to - from);
        b.writeBytes(bytes, from, to - from);
        ch.writeInbound(b);
    }

    @Test
    void headerOnlyPduIsEmittedWithoutWaitingForData() {
        EmbeddedChannel ch = channel(new PduDecoder(8192));
        feed(ch, nopOut(0, 0), 0, 48);
        Pdu pdu = ch.readInbound();
        assertEquals(Opcode.NOP_OUT, pdu.opcode());
        assertEquals(0, pdu.data().readableBytes());
        pdu.release();
    }

    @Test
    void dataSegmentIsAZeroCopySliceOfTheReceivedBuffer() {
        EmbeddedChannel ch = channel(new PduDecoder(8192));
        byte[] wire = nopOut(10, 0);
        ByteBuf in = Unpooled.directBuffer(wire.length).writeBytes(wire);
        in.retain();
        ch.writeInbound(in);
        Pdu pdu = ch.readInbound();
        assertEquals(10, pdu.data().readableBytes());
        assertTrue(pdu.data().unwrap() == in || pdu.data().unwrap() == in.unwrap(), "slice of the input");
        assertEquals(2, in.refCnt(), "retained by the slice");
        pdu.release();
        assertEquals(1, in.refCnt());
        in.release();
    }

    @Test
    void oversizeDataSegmentFailsAsSoonAsTheHeaderArrives() {
        PduDecoder decoder = new PduDecoder(8192);
        EmbeddedChannel ch = channel(decoder);
        byte[] wire = nopOut(8193, 0);
        feed(ch, wire, 0, 48);
        FramingError error = assertInstanceOf(FramingError.class, ch.readInbound());
        assertTrue(error.reason().contains("8193"));
        assertEquals(0x40, error.bhs()[0]);
        feed(ch, wire, 48, wire.length);
        assertNull(ch.readInbound(), "everything after a framing error is discarded");
        assertEquals(0, decoder.bufferedBytes());
    }

    @Test
    void ahsLengthThatDoesNotFitTotalAhsLengthIsAFramingError() {
        EmbeddedChannel ch = channel(new PduDecoder(8192));
        byte[] wire = nopOut(0, 2);
        wire[48] = 0;                                       // AHSLength = 9: 3 + 9 rounded = 12 > 8
        wire[49] = 9;
        wire[50] = 1;                                       // extended CDB
        feed(ch, wire, 0, wire.length);
        assertInstanceOf(FramingError.class, ch.readInbound());
    }

    @Test
    void wellFormedAhsIsKeptAndPassed() {
        EmbeddedChannel ch = channel(new PduDecoder(8192));
        byte[] wire = nopOut(4, 2);
        wire[49] = 5;                                       // AHSLength 5: 3 + 5 = 8 bytes exactly
        wire[50] = 2;                                       // bidirectional read length
        feed(ch, wire, 0, wire.length);
        Pdu pdu = ch.readInbound();
        assertEquals(8, pdu.ahs().readableBytes());
        assertEquals(4, pdu.data().readableBytes());
        pdu.release();
    }

    @Test
    void headerDigestMismatchIsAFramingErrorAndDataDigestMismatchMarksThePdu() {
        Pdu nop = new NopOut(true, 0, 1, -1, 0, 0, new byte[]{1, 2, 3, 4, 5}).encode(ByteBufAllocator.DEFAULT);
        byte[] good = ByteBufUtil.getBytes(PduEncoder.encodeToBuffer(ByteBufAllocator.DEFAULT, nop, true, true));
        nop.release();
        byte[] badData = good.clone();
        badData[badData.length - 1] ^= 1;
        PduDecoder decoder = new PduDecoder(8192);
        decoder.configure(8192, true, true);
        EmbeddedChannel ch = channel(decoder);
        feed(ch, badData, 0, badData.length);
        Pdu marked = ch.readInbound();
        assertFalse(marked.dataDigestValid());
        assertArrayEquals(new byte[]{1, 2, 3, 4, 5}, ByteBufUtil.getBytes(marked.data()));
        marked.release();
        byte[] badHeader = good.clone();
        badHeader[48] ^= 1;
        feed(ch, badHeader, 0, badHeader.length);
        FramingError error = assertInstanceOf(FramingError.class, ch.readInbound());
        assertTrue(error.reason().contains("header digest"));
    }

    @Test
    void padsAreSkippedBetweenPdus() {
        EmbeddedChannel ch = channel(new PduDecoder(8192));
        byte[] first = nopOut(5, 0);
        byte[] second = nopOut(0, 0);
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        feed(ch, both, 0, both.length);
        Pdu a = ch.readInbound();
        Pdu b = ch.readInbound();
        assertEquals(5, a.data().readableBytes());
        assertEquals(0, b.data().readableBytes());
        a.release();
        b.release();
    }
}
