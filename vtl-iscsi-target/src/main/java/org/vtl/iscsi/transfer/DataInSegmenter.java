package org.vtl.iscsi.transfer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import org.vtl.iscsi.pdu.DataIn;
import org.vtl.iscsi.pdu.Pdu;
import org.vtl.iscsi.pdu.ScsiResponsePdu;
import org.vtl.scsi.Payload;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiStatus;

/**
 * Sends a command's outcome (RFC 7143 11.4, 11.7): the Data-In payload cut into PDUs of at most the
 * initiator's MaxRecvDataSegmentLength, F set at the end of each MaxBurstLength sequence; the status rides
 * in the final Data-In (S bit) when there is no sense, otherwise a SCSI Response follows. Residual
 * underflow/overflow against the Expected Data Transfer Length. The payload is sliced, never copied, and
 * released once the last PDU is written. Event loop only.
 */
public final class DataInSegmenter {

    /** Where PDUs go and where sequence numbers come from. */
    public interface Sink {
        ByteBufAllocator alloc();

        /** Takes the next StatSN (advancing it). */
        int takeStatSn();

        int expCmdSn();

        int maxCmdSn();

        ChannelFuture write(Pdu pdu);
    }

    private final int maxSegment;
    private final int maxBurst;
    /** The write future of the last Data-In sent by {@link #sendData}, to release the payload after it. */
    private ChannelFuture lastFuture;

    /**
     * @param maxSegment the initiator's MaxRecvDataSegmentLength
     * @param maxBurst   MaxBurstLength, the longest Data-In sequence
     */
    public DataInSegmenter(int maxSegment, int maxBurst) {
        this.maxSegment = maxSegment;
        this.maxBurst = maxBurst;
    }

    /**
     * @param lun            the LUN field to echo
     * @param expectedDataIn Expected Data Transfer Length for a read, 0 otherwise
     */
    public void respond(Sink sink, long lun, int itt, int expectedDataIn, ScsiResponse response) {
        Payload payload = response.dataIn();
        int available = payload.length();
        int sent = Math.min(available, expectedDataIn);
        int flags = 0;
        int residual = 0;
        if (available < expectedDataIn) {
            flags = ScsiResponsePdu.RESIDUAL_UNDERFLOW;
            residual = expectedDataIn - available;
        } else if (available > expectedDataIn) {
            flags = ScsiResponsePdu.RESIDUAL_OVERFLOW;
            residual = available - expectedDataIn;
        }
        boolean statusInData = sent > 0 && response.sense().length == 0
                && response.status() != ScsiStatus.CHECK_CONDITION;
        int dataPdus = 0;
        ChannelFuture last = null;
        if (sent > 0) {
            ByteBuf all = Unpooled.wrappedBuffer(payload.buffers());
            dataPdus = sendData(sink, all, sent, lun, itt, statusInData, flags, residual, response.status());
            last = lastFuture;
            lastFuture = null;
            all.release();
        }
        if (!statusInData) {
            ScsiResponsePdu status = new ScsiResponsePdu(0x80 | flags, ScsiResponsePdu.COMMAND_COMPLETED,
                    response.status().code(), itt, 0, sink.takeStatSn(), sink.expCmdSn(), sink.maxCmdSn(), dataPdus,
                    0, residual, ScsiResponsePdu.senseSegment(response.sense()));
            last = sink.write(status.encode(sink.alloc()));
        }
        if (payload == Payload.EMPTY || last == null) {
            payload.release();
        } else {
            last.addListener(f -> payload.release());
        }
    }

    private int sendData(Sink sink, ByteBuf all, int sent, long lun, int itt, boolean statusInData, int residualFlags,
                         int residual, ScsiStatus status) {
        int offset = 0;
        int dataSn = 0;
        int burst = 0;
        while (offset < sent) {
            int n = Math.min(maxSegment, Math.min(sent - offset, maxBurst - burst));
            boolean lastPdu = offset + n == sent;
            burst += n;
            int flags = 0;
            if (lastPdu || burst == maxBurst) {
                flags |= 0x80;
                burst = 0;
            }
            int statSn = 0;
            if (lastPdu && statusInData) {
                flags |= DataIn.STATUS | residualFlags;
                statSn = sink.takeStatSn();
            }
            ByteBuf header = DataIn.header(sink.alloc(), flags, status.code(), lun, itt, statSn, sink.expCmdSn(),
                    sink.maxCmdSn(), dataSn++, offset, lastPdu && statusInData ? residual : 0, n);
            lastFuture = sink.write(Pdu.of(header, all.retainedSlice(all.readerIndex() + offset, n)));
            offset += n;
        }
        return dataSn;
    }
}
