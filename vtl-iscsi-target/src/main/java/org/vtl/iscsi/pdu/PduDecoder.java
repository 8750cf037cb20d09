package org.vtl.iscsi.pdu;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

import java.util.ArrayDeque;

/**
 * Frames the TCP byte stream into {@link Pdu}s (RFC 7143 11.1): BHS, AHS, header digest, data segment with
 * padding, data digest. Data segments are retained slices of the received (pooled, direct) buffers, never
 * copies; a segment spread over several reads becomes a composite of slices. Only the 48-byte BHS and the
 * AHS are copied. Every declared length is checked as soon as the BHS is complete: a DataSegmentLength over
 * the limit fails before any of its bytes are waited for. After a framing error the decoder discards all
 * further input and fires one {@link FramingError}.
 *
 * <p>Buffered input is at most one PDU: the limit plus the header, digests and one read buffer.
 * Not sharable; runs on its channel's event loop only.
 */
public final class PduDecoder extends ChannelInboundHandlerAdapter {

    /** Where in a PDU the decoder stands. */
    enum State { BHS, AHS, HEADER_DIGEST, DATA, DATA_DIGEST, DISCARD }

    private static final int AHS_HEADER = 3;

    private final ArrayDeque<ByteBuf> input = new ArrayDeque<>();
    private final Crc32cDigest crc = new Crc32cDigest();
    private long buffered;
    private State state = State.BHS;
    private ByteBuf bhs;
    private ByteBuf ahs = Unpooled.EMPTY_BUFFER;
    private ByteBuf data = Unpooled.EMPTY_BUFFER;
    private int dataLength;
    private int ahsLength;
    private boolean dataDigestValid = true;
    private int maxDataSegmentLength;
    private boolean headerDigest;
    private boolean dataDigest;

    /** @param maxDataSegmentLength this side's MaxRecvDataSegmentLength during login (RFC 7143 13.12: 8192) */
    public PduDecoder(int maxDataSegmentLength) {
        this.maxDataSegmentLength = maxDataSegmentLength;
    }

    /** Applies the negotiated limit and digests; takes effect from the next PDU. Event loop only. */
    public void configure(int maxDataSegmentLength, boolean headerDigest, boolean dataDigest) {
        this.maxDataSegmentLength = maxDataSegmentLength;
        this.headerDigest = headerDigest;
        this.dataDigest = dataDigest;
    }

    /** Bytes received and not yet framed, for the memory bound. */
    public long bufferedBytes() {
        return buffered;
    }

    State state() {
        return state;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf buf)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (state == State.DISCARD || !buf.isReadable()) {
            buf.release();
            return;
        }
        input.add(buf);
        buffered += buf.readableBytes();
        decode(ctx);
    }

    private void decode(ChannelHandlerContext ctx) {
        boolean progress = true;
        while (progress && state != State.DISCARD && ctx.channel().isActive()) {
            progress = switch (state) {
                case BHS -> readBhs(ctx);
                case AHS -> readAhs(ctx);
                case HEADER_DIGEST -> readHeaderDigest(ctx);
                case DATA -> readData(ctx);
                case DATA_DIGEST -> readDataDigest(ctx);
                case DISCARD -> false;
            };
        }
    }

    private boolean readBhs(ChannelHandlerContext ctx) {
        if (buffered < BhsDescriptor.LENGTH) {
            return false;
        }
        bhs = copy(ctx, BhsDescriptor.LENGTH);
        dataLength = BhsDescriptor.dataSegmentLength(bhs);
        ahsLength = BhsDescriptor.totalAhsLengthBytes(bhs);
        if (dataLength > maxDataSegmentLength) {
            return fail(ctx, "DataSegmentLength " + dataLength + " over MaxRecvDataSegmentLength "
                    + maxDataSegmentLength);
        }
        return next(ctx, ahsLength > 0 ? State.AHS : afterAhs());
    }

    /** Moves on; a PDU without data segment is complete once its header is. */
    private boolean next(ChannelHandlerContext ctx, State following) {
        if (following == State.BHS) {
            emit(ctx);
        } else {
            state = following;
        }
        return true;
    }

    private State afterAhs() {
        return headerDigest ? State.HEADER_DIGEST : afterHeader();
    }

    private State afterHeader() {
        return dataLength > 0 ? State.DATA : State.BHS;
    }

    private boolean readAhs(ChannelHandlerContext ctx) {
        if (buffered < ahsLength) {
            return false;
        }
        ahs = copy(ctx, ahsLength);
        String problem = checkAhs(ahs);
        if (problem != null) {
            return fail(ctx, problem);
        }
        return next(ctx, afterAhs());
    }

    /** Each AHS (RFC 7143 11.2.2) is AHSLength(2) + AHSType(1) + AHSLength bytes, padded to 4. */
    static String checkAhs(ByteBuf ahs) {
        int at = ahs.readerIndex();
        int end = ahs.writerIndex();
        while (at < end) {
            if (end - at < 4) {
                return "truncated AHS at " + at;
            }
            int length = ahs.getUnsignedShort(at);
            int span = (AHS_HEADER + length + 3) & ~3;
            if (length == 0 || span > end - at) {
                return "AHSLength " + length + " does not fit TotalAHSLength";
            }
            at += span;
        }
        return null;
    }

    private boolean readHeaderDigest(ChannelHandlerContext ctx) {
        if (buffered < Crc32cDigest.LENGTH) {
            return false;
        }
        crc.reset();
        crc.update(bhs);
        crc.update(ahs);
        int received = readIntLe();
        if (received != crc.value()) {
            return fail(ctx, "header digest mismatch");
        }
        return next(ctx, afterHeader());
    }

    private boolean readData(ChannelHandlerContext ctx) {
        int padding = BhsDescriptor.padding(dataLength);
        if (buffered < (long) dataLength + padding) {
            return false;
        }
        data = slice(ctx, dataLength);
        if (dataDigest) {
            crc.reset();
            crc.update(data);
            if (padding > 0) {
                ByteBuf head = input.peek();
                if (head != null && head.readableBytes() >= padding) {
                    crc.updatePadding(head, head.readerIndex(), padding);
                } else {
                    ByteBuf pad = copy(ctx, padding);
                    crc.updatePadding(pad, pad.readerIndex(), padding);
                    pad.release();
                    padding = 0;
                }
            }
        }
        skip(padding);
        if (dataDigest) {
            state = State.DATA_DIGEST;
        } else {
            emit(ctx);
        }
        return true;
    }

    private boolean readDataDigest(ChannelHandlerContext ctx) {
        if (buffered < Crc32cDigest.LENGTH) {
            return false;
        }
        dataDigestValid = readIntLe() == crc.value();
        emit(ctx);
        return true;
    }

    private void emit(ChannelHandlerContext ctx) {
        Pdu pdu = new Pdu(bhs, ahs, data, dataDigestValid);
        bhs = null;
        ahs = Unpooled.EMPTY_BUFFER;
        data = Unpooled.EMPTY_BUFFER;
        dataDigestValid = true;
        state = State.BHS;
        ctx.fireChannelRead(pdu);
    }

    private boolean fail(ChannelHandlerContext ctx, String reason) {
        byte[] header = new byte[BhsDescriptor.LENGTH];
        bhs.getBytes(bhs.readerIndex(), header);
        discardAll();
        ctx.fireChannelRead(new FramingError(reason, header));
        return false;
    }

    private void discardAll() {
        state = State.DISCARD;
        ReferenceCountUtil.safeRelease(bhs);
        bhs = null;
        ReferenceCountUtil.safeRelease(ahs);
        ahs = Unpooled.EMPTY_BUFFER;
        ReferenceCountUtil.safeRelease(data);
        data = Unpooled.EMPTY_BUFFER;
        ByteBuf b;
        while ((b = input.poll()) != null) {
            b.release();
        }
        buffered = 0;
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        discardAll();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        discardAll();
        ctx.fireChannelInactive();
    }

    /** Copies {@code n} buffered bytes (headers only) into a new pooled buffer. */
    private ByteBuf copy(ChannelHandlerContext ctx, int n) {
        ByteBuf out = ctx.alloc().buffer(n, n);
        int left = n;
        while (left > 0) {
            ByteBuf head = input.peek();
            int take = Math.min(left, head.readableBytes());
            out.writeBytes(head, take);
            consumed(take);
            left -= take;
        }
        return out;
    }

    /** Takes {@code n} buffered bytes as retained slices, without copying. */
    private ByteBuf slice(ChannelHandlerContext ctx, int n) {
        ByteBuf head = input.peek();
        if (head.readableBytes() >= n) {
            ByteBuf out = head.readRetainedSlice(n);
            consumed(n);
            return out;
        }
        CompositeByteBuf out = ctx.alloc().compositeDirectBuffer(Math.max(2, input.size()));
        int left = n;
        while (left > 0) {
            head = input.peek();
            int take = Math.min(left, head.readableBytes());
            out.addComponent(true, head.readRetainedSlice(take));
            consumed(take);
            left -= take;
        }
        return out;
    }

    private void skip(int n) {
        int left = n;
        while (left > 0) {
            ByteBuf head = input.peek();
            int take = Math.min(left, head.readableBytes());
            head.skipBytes(take);
            consumed(take);
            left -= take;
        }
    }

    private int readIntLe() {
        int value = 0;
        for (int i = 0; i < Crc32cDigest.LENGTH; i++) {
            ByteBuf head = input.peek();
            value |= (head.readByte() & 0xff) << (8 * i);
            consumed(1);
        }
        return value;
    }

    /** Accounts for consumed bytes and releases fully read input buffers. */
    private void consumed(int n) {
        buffered -= n;
        ByteBuf head = input.peek();
        while (head != null && !head.isReadable()) {
            input.poll().release();
            head = input.peek();
        }
    }
}
