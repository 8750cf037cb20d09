package org.vtl.iscsi.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;

import java.util.List;

/**
 * Writes {@link Pdu}s to the wire (RFC 7143 11.1): header (BHS + AHS) with its optional CRC32C digest, then
 * the data segment as the very buffer the PDU carries (Data-In payload is never copied), then padding and
 * the optional data digest. Not sharable; digests switch on the event loop right after the final login
 * response has been written.
 */
public final class PduEncoder extends MessageToMessageEncoder<Pdu> {

    private final Crc32cDigest crc = new Crc32cDigest();
    private boolean headerDigest;
    private boolean dataDigest;

    public PduEncoder() {
        super(Pdu.class);
    }

    /** Turns digests on or off for the PDUs written from now on. Event loop only. */
    public void configure(boolean headerDigest, boolean dataDigest) {
        this.headerDigest = headerDigest;
        this.dataDigest = dataDigest;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Pdu pdu, List<Object> out) {
        out.add(header(ctx, pdu));
        ByteBuf data = pdu.data();
        int length = data.readableBytes();
        if (length == 0) {
            return;
        }
        int padding = BhsDescriptor.padding(length);
        out.add(data.retainedDuplicate());
        int trailer = padding + (dataDigest ? Crc32cDigest.LENGTH : 0);
        if (trailer > 0) {
            ByteBuf tail = ctx.alloc().buffer(trailer, trailer);
            tail.writeZero(padding);
            if (dataDigest) {
                crc.reset();
                crc.update(data);
                crc.updateZeros(padding);
                tail.writeIntLE(crc.value());
            }
            out.add(tail);
        }
    }

    private ByteBuf header(ChannelHandlerContext ctx, Pdu pdu) {
        int length = BhsDescriptor.LENGTH + pdu.ahs().readableBytes() + (headerDigest ? Crc32cDigest.LENGTH : 0);
        ByteBuf header = ctx.alloc().buffer(length, length);
        header.writeBytes(pdu.bhs(), pdu.bhs().readerIndex(), BhsDescriptor.LENGTH);
        header.writeBytes(pdu.ahs(), pdu.ahs().readerIndex(), pdu.ahs().readableBytes());
        if (headerDigest) {
            crc.reset();
            crc.update(header);
            header.writeIntLE(crc.value());
        }
        return header;
    }

    /** Encodes one PDU into a single buffer (tests and the raw-socket client). */
    public static ByteBuf encodeToBuffer(io.netty.buffer.ByteBufAllocator alloc, Pdu pdu, boolean headerDigest,
                                         boolean dataDigest) {
        Crc32cDigest digest = new Crc32cDigest();
        int dataLength = pdu.data().readableBytes();
        ByteBuf out = alloc.buffer();
        out.writeBytes(pdu.bhs(), pdu.bhs().readerIndex(), BhsDescriptor.LENGTH);
        out.writeBytes(pdu.ahs(), pdu.ahs().readerIndex(), pdu.ahs().readableBytes());
        if (headerDigest) {
            out.writeIntLE(digest.digest(out));
        }
        if (dataLength > 0) {
            int padding = BhsDescriptor.padding(dataLength);
            int start = out.writerIndex();
            out.writeBytes(pdu.data(), pdu.data().readerIndex(), dataLength);
            out.writeZero(padding);
            if (dataDigest) {
                out.writeIntLE(digest.digest(out.slice(start, dataLength + padding)));
            }
        }
        return out;
    }
}
