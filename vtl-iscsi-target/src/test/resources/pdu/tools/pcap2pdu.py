#!/usr/bin/env python3
"""Splits an iSCSI loopback capture (tcpdump -w) into golden PDU files.

pcap2pdu.py CAPTURE.pcap TARGET_PORT OUT_DIR [PREFIX]

For every TCP connection to TARGET_PORT, reassembles both directions, frames PDUs (BHS, AHS, digests as
negotiated at login, data, padding) and writes, in wire order:
  OUT_DIR/NN-<i|t>-<opcode>.hex   the PDU bytes, 16 per line
  OUT_DIR/NN-<i|t>-<opcode>.txt   its fields decoded here, independently of the Java code, one name=value
                                  per line (the Java golden test checks its decoding against them)
"""
import os
import struct
import sys

OPCODES = {0x00: "nop-out", 0x01: "scsi-command", 0x02: "tmf-request", 0x03: "login-request",
           0x04: "text-request", 0x05: "data-out", 0x06: "logout-request", 0x10: "snack",
           0x20: "nop-in", 0x21: "scsi-response", 0x22: "tmf-response", 0x23: "login-response",
           0x24: "text-response", 0x25: "data-in", 0x26: "logout-response", 0x31: "r2t",
           0x32: "async-message", 0x3f: "reject"}


def packets(path):
    data = open(path, "rb").read()
    magic = struct.unpack("<I", data[:4])[0]
    end = "<" if magic in (0xa1b2c3d4, 0xa1b23c4d) else ">"
    linktype = struct.unpack(end + "I", data[20:24])[0]
    skip = {1: 14, 113: 16, 276: 20, 0: 4}[linktype]
    at = 24
    while at + 16 <= len(data):
        sec, usec, incl, _ = struct.unpack(end + "IIII", data[at:at + 16])
        frame = data[at + 16:at + 16 + incl]
        at += 16 + incl
        ip = frame[skip:]
        if len(ip) < 20 or ip[0] >> 4 != 4 or ip[9] != 6:
            continue
        ihl = (ip[0] & 0x0f) * 4
        total = struct.unpack(">H", ip[2:4])[0]
        tcp = ip[ihl:total]
        sport, dport, seq = struct.unpack(">HHI", tcp[:8])
        flags = tcp[13]
        off = (tcp[12] >> 4) * 4
        yield (sec + usec / 1e6, ip[12:16], sport, ip[16:20], dport, seq, flags, tcp[off:])


def streams(path, port):
    flows = {}
    for ts, src, sport, dst, dport, seq, flags, payload in packets(path):
        key = (src, sport, dst, dport)
        f = flows.setdefault(key, {"isn": None, "segs": {}})
        if flags & 0x02:
            f["isn"] = seq + 1
        if payload and seq not in f["segs"]:
            f["segs"][seq] = (ts, payload)
    conns = {}
    for (src, sport, dst, dport), f in flows.items():
        if dport == port:
            conns.setdefault((src, sport), {})["i"] = f
        elif sport == port:
            conns.setdefault((dst, dport), {})["t"] = f
    for key in sorted(conns, key=lambda k: min((s[0] for d in conns[k].values() for s in d["segs"].values()),
                                                default=0)):
        yield {d: assemble(f) for d, f in conns[key].items()}


def assemble(flow):
    out = bytearray()
    times = []
    base = flow["isn"] if flow["isn"] is not None else min(flow["segs"], default=0)
    for seq in sorted(flow["segs"], key=lambda s: (s - base) & 0xffffffff):
        ts, payload = flow["segs"][seq]
        rel = (seq - base) & 0xffffffff
        if rel > len(out):
            break
        if rel + len(payload) <= len(out):
            continue
        times.append((len(out), ts))
        out += payload[len(out) - rel:]
    return bytes(out), times


def frame(stream, start, hd, dd):
    bhs = stream[start:start + 48]
    if len(bhs) < 48:
        return None
    ahs = bhs[4] * 4
    dsl = int.from_bytes(bhs[5:8], "big")
    n = 48 + ahs + (4 if hd else 0)
    if dsl:
        n += dsl + (-dsl & 3) + (4 if dd else 0)
    return stream[start:start + n] if start + n <= len(stream) else None


def text_keys(data):
    return [kv for kv in data.split(b"\0") if kv]


def fields(pdu, hd):
    b = pdu[:48]
    op = b[0] & 0x3f
    f = {"opcode": OPCODES.get(op, "0x%02x" % op), "immediate": str(bool(b[0] & 0x40)).lower(),
         "byte1": "0x%02x" % b[1], "totalAhsLength": str(b[4]), "dataSegmentLength": str(int.from_bytes(b[5:8], "big")),
         "initiatorTaskTag": "0x%08x" % int.from_bytes(b[16:20], "big")}
    u32 = lambda o: "0x%08x" % int.from_bytes(b[o:o + 4], "big")
    lun = "0x%016x" % int.from_bytes(b[8:16], "big")
    dsl = int.from_bytes(b[5:8], "big")
    data = pdu[48 + b[4] * 4 + (4 if hd else 0):][:dsl]
    if op in (0x03, 0x23):
        f.update(transit=str(bool(b[1] & 0x80)).lower(), csg=str((b[1] >> 2) & 3), nsg=str(b[1] & 3),
                 isid="0x%012x" % int.from_bytes(b[8:14], "big"), tsih=str(int.from_bytes(b[14:16], "big")))
        if op == 0x03:
            f.update(cid=str(int.from_bytes(b[20:22], "big")), cmdSn=u32(24), expStatSn=u32(28))
        else:
            f.update(statSn=u32(24), expCmdSn=u32(28), maxCmdSn=u32(32), statusClass=str(b[36]),
                     statusDetail=str(b[37]))
    elif op == 0x01:
        f.update(lun=lun, expectedDataTransferLength=u32(20), cmdSn=u32(24), expStatSn=u32(28),
                 cdb=b[32:48].hex())
    elif op == 0x21:
        f.update(response=str(b[2]), status="0x%02x" % b[3], statSn=u32(24), expCmdSn=u32(28), maxCmdSn=u32(32),
                 expDataSn=u32(36), residualCount=u32(44))
    elif op == 0x25:
        f.update(status="0x%02x" % b[3], lun=lun, targetTransferTag=u32(20), statSn=u32(24), expCmdSn=u32(28),
                 maxCmdSn=u32(32), dataSn=u32(36), bufferOffset=u32(40), residualCount=u32(44))
    elif op == 0x05:
        f.update(lun=lun, targetTransferTag=u32(20), dataSn=u32(36), bufferOffset=u32(40))
    elif op == 0x31:
        f.update(lun=lun, targetTransferTag=u32(20), statSn=u32(24), expCmdSn=u32(28), maxCmdSn=u32(32),
                 r2tSn=u32(36), bufferOffset=u32(40), desiredLength=u32(44))
    elif op in (0x00, 0x04, 0x02, 0x06):
        f.update(cmdSn=u32(24), expStatSn=u32(28))
        if op != 0x06:
            f.update(lun=lun)
        if op in (0x00, 0x04):
            f.update(targetTransferTag=u32(20))
    elif op in (0x20, 0x24, 0x22, 0x26, 0x3f):
        f.update(statSn=u32(24), expCmdSn=u32(28), maxCmdSn=u32(32))
        if op in (0x20, 0x24):
            f.update(targetTransferTag=u32(20), lun=lun)
        if op in (0x22, 0x26, 0x3f):
            f.update(response=str(b[2]))
    lines = ["%s=%s" % kv for kv in f.items()]
    if op in (0x03, 0x23, 0x04, 0x24):
        lines += ["text=" + kv.decode("utf-8", "replace") for kv in text_keys(data)]
    return lines


def split(pair, port_prefix, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    tstream, ttimes = pair.get("t", (b"", []))
    istream, itimes = pair.get("i", (b"", []))
    hd = dd = False
    final_login = None
    at = n = 0
    tpdus = []
    while True:
        p = frame(tstream, at, hd and final_login is not None, dd and final_login is not None)
        if p is None:
            break
        tpdus.append((at, p, final_login is not None))
        if p[0] & 0x3f == 0x23:
            for kv in text_keys(p[48 + p[4] * 4:][:int.from_bytes(p[5:8], "big")]):
                if kv.startswith(b"HeaderDigest="):
                    hd = kv.endswith(b"CRC32C")
                if kv.startswith(b"DataDigest="):
                    dd = kv.endswith(b"CRC32C")
            if p[1] & 0x80 and p[1] & 3 == 3:
                final_login = n
        at += len(p)
        n += 1
    ipdus = []
    at = logins = 0
    while True:
        after = final_login is not None and logins > final_login
        p = frame(istream, at, hd and after, dd and after)
        if p is None:
            break
        ipdus.append((at, p, after))
        if p[0] & 0x3f == 0x03:
            logins += 1
        at += len(p)
    def when(times, offset):
        best = 0
        for o, ts in times:
            if o <= offset:
                best = ts
        return best
    events = [(when(itimes, o), 0, "i", p, d) for o, p, d in ipdus] + \
             [(when(ttimes, o), 1, "t", p, d) for o, p, d in tpdus]
    events.sort(key=lambda e: (e[0], e[1]))
    for k, (_, _, side, p, digests) in enumerate(events):
        name = "%s%02d-%s-%s" % (port_prefix, k, side, OPCODES.get(p[0] & 0x3f, "unknown"))
        with open(os.path.join(out_dir, name + ".hex"), "w") as h:
            for i in range(0, len(p), 16):
                h.write(" ".join("%02x" % x for x in p[i:i + 16]) + "\n")
        with open(os.path.join(out_dir, name + ".txt"), "w") as t:
            t.write("headerDigest=%s\ndataDigest=%s\n" % (str(hd and digests).lower(), str(dd and digests).lower()))
            t.write("\n".join(fields(p, hd and digests)) + "\n")


def main():
    path, port, out_dir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    prefix = sys.argv[4] if len(sys.argv) > 4 else ""
    for c, pair in enumerate(streams(path, port)):
        split(pair, "%sc%d-" % (prefix, c), out_dir)


if __name__ == "__main__":
    main()
