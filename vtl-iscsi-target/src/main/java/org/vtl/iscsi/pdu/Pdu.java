package org.vtl.iscsi.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.AbstractReferenceCounted;
import io.netty.util.ReferenceCounted;

/**
 * One framed PDU (RFC 7143 11.1): the 48-byte BHS, the AHS bytes and the data segment without padding
 * or digests. The decoder fills it with retained slices of the received buffers (no copy); the encoder
 * takes one built by a PDU record or flyweight writer. Releasing it releases all three parts.
 */
public final class Pdu extends AbstractReferenceCounted {

    private final ByteBuf bhs;
    private final ByteBuf ahs;
    private final ByteBuf data;
    private final boolean dataDigestValid;

    public Pdu(ByteBuf bhs, ByteBuf ahs, ByteBuf data, boolean dataDigestValid) {
        if (bhs.readableBytes() != BhsDescriptor.LENGTH) {
            throw new IllegalArgumentException("BHS must be 48 bytes, got " + bhs.readableBytes());
        }
        this.bhs = bhs;
        this.ahs = ahs;
        this.data = data;
        this.dataDigestValid = dataDigestValid;
    }

    /** A PDU without AHS whose header and data the caller hands over. */
    public static Pdu of(ByteBuf bhs, ByteBuf data) {
        return new Pdu(bhs, Unpooled.EMPTY_BUFFER, data, true);
    }

    public ByteBuf bhs() {
        return bhs;
    }

    public ByteBuf ahs() {
        return ahs;
    }

    public ByteBuf data() {
        return data;
    }

    /** False when data digests are on and the received data digest did not match (RFC 7143 7.8). */
    public boolean dataDigestValid() {
        return dataDigestValid;
    }

    public Opcode opcode() {
        return Opcode.of(BhsDescriptor.opcodeCode(bhs));
    }

    public boolean immediate() {
        return BhsDescriptor.immediate(bhs);
    }

    public int initiatorTaskTag() {
        return BhsDescriptor.initiatorTaskTag(bhs);
    }

    /** A copy of the 48 BHS bytes, as a Reject PDU carries them (RFC 7143 11.17.1). */
    public byte[] bhsBytes() {
        byte[] out = new byte[BhsDescriptor.LENGTH];
        bhs.getBytes(bhs.readerIndex(), out);
        return out;
    }

    @Override
    protected void deallocate() {
        bhs.release();
        ahs.release();
        data.release();
    }

    @Override
    public ReferenceCounted touch(Object hint) {
        bhs.touch(hint);
        data.touch(hint);
        return this;
    }

    @Override
    public String toString() {
        return "Pdu[" + opcode() + ", itt=0x" + Integer.toHexString(initiatorTaskTag()) + ", ahs="
                + ahs.readableBytes() + ", data=" + data.readableBytes() + "]";
    }
}
