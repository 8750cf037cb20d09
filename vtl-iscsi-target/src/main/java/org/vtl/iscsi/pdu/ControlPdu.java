package org.vtl.iscsi.pdu;

import io.netty.buffer.ByteBufAllocator;

/**
 * The PDUs decoded into immutable records (RFC 7143 11): everything except the per-block flyweights
 * {@link ScsiCommandHeader} and {@link DataOutHeader}. Each record decodes with a static
 * {@code decode(Pdu)} and encodes back byte for byte.
 */
public sealed interface ControlPdu permits LoginRequest, LoginResponse, TextRequest, TextResponse, LogoutRequest,
        LogoutResponse, NopOut, NopIn, TaskMgmtRequest, TaskMgmtResponse, Reject, ScsiResponsePdu, R2t, DataIn,
        AsyncMessage, SnackRequest {

    /** Builds the framed PDU; the caller owns (and the encoder releases) it. */
    Pdu encode(ByteBufAllocator alloc);

    Opcode opcode();

    /** Decodes any control PDU; {@code null} for the flyweight opcodes and unknown opcodes. */
    static ControlPdu decode(Pdu pdu) {
        Opcode opcode = pdu.opcode();
        if (opcode == null) {
            return null;
        }
        return switch (opcode) {
            case LOGIN_REQUEST -> LoginRequest.decode(pdu);
            case LOGIN_RESPONSE -> LoginResponse.decode(pdu);
            case TEXT_REQUEST -> TextRequest.decode(pdu);
            case TEXT_RESPONSE -> TextResponse.decode(pdu);
            case LOGOUT_REQUEST -> LogoutRequest.decode(pdu);
            case LOGOUT_RESPONSE -> LogoutResponse.decode(pdu);
            case NOP_OUT -> NopOut.decode(pdu);
            case NOP_IN -> NopIn.decode(pdu);
            case TASK_MGMT_REQUEST -> TaskMgmtRequest.decode(pdu);
            case TASK_MGMT_RESPONSE -> TaskMgmtResponse.decode(pdu);
            case REJECT -> Reject.decode(pdu);
            case SCSI_RESPONSE -> ScsiResponsePdu.decode(pdu);
            case R2T -> R2t.decode(pdu);
            case DATA_IN -> DataIn.decode(pdu);
            case ASYNC_MESSAGE -> AsyncMessage.decode(pdu);
            case SNACK_REQUEST -> SnackRequest.decode(pdu);
            case SCSI_COMMAND, DATA_OUT -> null;
        };
    }
}
