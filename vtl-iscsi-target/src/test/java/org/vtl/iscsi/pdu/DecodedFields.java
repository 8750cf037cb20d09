package org.vtl.iscsi.pdu;


import java.util.Map;

/** The fields of a decoded PDU named as tools/pcap2pdu.py names them, read through the records. */
final class DecodedFields {


    private DecodedFields() {
    }

    static String name(Opcode o) {
        return switch (o) {
            case NOP_OUT -> "nop-out";
            case SCSI_COMMAND -> "scsi-command";
            case TASK_MGMT_REQUEST -> "tmf-request";
            case LOGIN_REQUEST -> "login-request";
            case TEXT_REQUEST -> "text-request";
            case DATA_OUT -> "data-out";
            case LOGOUT_REQUEST -> "logout-request";
            case SNACK_REQUEST -> "snack";
            case NOP_IN -> "nop-in";
            case SCSI_RESPONSE -> "scsi-response";
            case TASK_MGMT_RESPONSE -> "tmf-response";
            case LOGIN_RESPONSE -> "login-response";
            case TEXT_RESPONSE -> "text-response";
            case DATA_IN -> "data-in";
            case LOGOUT_RESPONSE -> "logout-response";
            case R2T -> "r2t";
            case ASYNC_MESSAGE -> "async-message";
            case REJECT -> "reject";
        };
    }

    private static String h(int v) {
        return GoldenPduTest.hex32(v);
    }

    private static String lun(long v) {
        return String.format("0x%016x", v);
    }

    static void of(Pdu pdu, Map<String, String> out) {
        out.put("opcode", name(pdu.opcode()));
        switch (pdu.opcode()) {
            case LOGIN_REQUEST -> {
                LoginRequest r = LoginRequest.decode(pdu);
                login(out, r.transit(), r.csg(), r.nsg(), r.isid(), r.tsih());
                out.put("cid", Integer.toString(r.cid()));
                out.put("cmdSn", h(r.cmdSn()));
                out.put("expStatSn", h(r.expStatSn()));
            }
            case LOGIN_RESPONSE -> {
                LoginResponse r = LoginResponse.decode(pdu);
                login(out, r.transit(), r.csg(), r.nsg(), r.isid(), r.tsih());
                status(out, r.statSn(), r.expCmdSn(), r.maxCmdSn());
                out.put("statusClass", Integer.toString(r.statusClass()));
                out.put("statusDetail", Integer.toString(r.statusDetail()));
            }
            case SCSI_COMMAND -> {
                ScsiCommandHeader c = new ScsiCommandHeader().wrap(pdu.bhs());
                byte[] cdb = new byte[16];
                c.cdb(cdb, 0);
                out.put("lun", lun(c.lun()));
                out.put("expectedDataTransferLength", h((int) c.expectedDataTransferLength()));
                out.put("cmdSn", h(c.cmdSn()));
                out.put("expStatSn", h(c.expStatSn()));
                out.put("cdb", java.util.HexFormat.of().formatHex(cdb));
            }
            case SCSI_RESPONSE -> {
                ScsiResponsePdu r = ScsiResponsePdu.decode(pdu);
                out.put("response", Integer.toString(r.response()));
                out.put("status", String.format("0x%02x", r.status()));
                status(out, r.statSn(), r.expCmdSn(), r.maxCmdSn());
                out.put("expDataSn", h(r.expDataSn()));
                out.put("residualCount", h(r.residualCount()));
            }
            case DATA_IN -> {
                DataIn d = DataIn.decode(pdu);
                out.put("status", String.format("0x%02x", d.status()));
                out.put("lun", lun(d.lun()));
                out.put("targetTransferTag", h(d.targetTransferTag()));
                status(out, d.statSn(), d.expCmdSn(), d.maxCmdSn());
                out.put("dataSn", h(d.dataSn()));
                out.put("bufferOffset", h(d.bufferOffset()));
                out.put("residualCount", h(d.residualCount()));
            }
            case DATA_OUT -> {
                DataOutHeader d = new DataOutHeader().wrap(pdu.bhs());
                out.put("lun", lun(d.lun()));
                out.put("targetTransferTag", h(d.targetTransferTag()));
                out.put("dataSn", h(d.dataSn()));
                out.put("bufferOffset", h((int) d.bufferOffset()));
            }
            case R2T -> {
                R2t r = R2t.decode(pdu);
                out.put("lun", lun(r.lun()));
                out.put("targetTransferTag", h(r.targetTransferTag()));
                status(out, r.statSn(), r.expCmdSn(), r.maxCmdSn());
                out.put("r2tSn", h(r.r2tSn()));
                out.put("bufferOffset", h(r.bufferOffset()));
                out.put("desiredLength", h(r.desiredLength()));
            }
            case NOP_OUT -> {
                NopOut n = NopOut.decode(pdu);
                request(out, n.cmdSn(), n.expStatSn());
                out.put("lun", lun(n.lun()));
                out.put("targetTransferTag", h(n.targetTransferTag()));
            }
            case TEXT_REQUEST -> {
                TextRequest t = TextRequest.decode(pdu);
                request(out, t.cmdSn(), t.expStatSn());
                out.put("lun", lun(t.lun()));
                out.put("targetTransferTag", h(t.targetTransferTag()));
            }
            case TASK_MGMT_REQUEST -> {
                TaskMgmtRequest t = TaskMgmtRequest.decode(pdu);
                request(out, t.cmdSn(), t.expStatSn());
                out.put("lun", lun(t.lun()));
            }
            case LOGOUT_REQUEST -> {
                LogoutRequest l = LogoutRequest.decode(pdu);
                request(out, l.cmdSn(), l.expStatSn());
            }
            case NOP_IN -> {
                NopIn n = NopIn.decode(pdu);
                status(out, n.statSn(), n.expCmdSn(), n.maxCmdSn());
                out.put("targetTransferTag", h(n.targetTransferTag()));
                out.put("lun", lun(n.lun()));
            }
            case TEXT_RESPONSE -> {
                TextResponse t = TextResponse.decode(pdu);
                status(out, t.statSn(), t.expCmdSn(), t.maxCmdSn());
                out.put("targetTransferTag", h(t.targetTransferTag()));
                out.put("lun", lun(t.lun()));
            }
            case TASK_MGMT_RESPONSE -> {
                TaskMgmtResponse t = TaskMgmtResponse.decode(pdu);
                status(out, t.statSn(), t.expCmdSn(), t.maxCmdSn());
                out.put("response", Integer.toString(t.response()));
            }
            case LOGOUT_RESPONSE -> {
                LogoutResponse l = LogoutResponse.decode(pdu);
                status(out, l.statSn(), l.expCmdSn(), l.maxCmdSn());
                out.put("response", Integer.toString(l.response()));
            }
            case REJECT -> {
                Reject r = Reject.decode(pdu);
                status(out, r.statSn(), r.expCmdSn(), r.maxCmdSn());
                out.put("response", Integer.toString(r.reason()));
            }
            default -> { }
        }
    }

    private static void login(Map<String, String> out, boolean transit, int csg, int nsg, long isid, int tsih) {
        out.put("transit", Boolean.toString(transit));
        out.put("csg", Integer.toString(csg));
        out.put("nsg", Integer.toString(nsg));
        out.put("isid", String.format("0x%012x", isid));
        out.put("tsih", Integer.toString(tsih));
    }

    private static void status(Map<String, String> out, int statSn, int expCmdSn, int maxCmdSn) {
        out.put("statSn", h(statSn));
        out.put("expCmdSn", h(expCmdSn));
        out.put("maxCmdSn", h(maxCmdSn));
    }

    private static void request(Map<String, String> out, int cmdSn, int expStatSn) {
        out.put("cmdSn", h(cmdSn));
        out.put("expStatSn", h(expStatSn));
    }

}
