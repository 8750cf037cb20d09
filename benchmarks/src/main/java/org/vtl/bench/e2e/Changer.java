package org.vtl.bench.e2e;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vtl.bench.initiator.IscsiSession;
import org.vtl.bench.initiator.ScsiResult;

/**
 * The SMC commands a backup server sends to a media changer LU: MODE SENSE of the Element Address Assignment page
 * (1Dh, SMC-3 7.3.3), READ ELEMENT STATUS with volume tags (SMC-3 6.10) and MOVE MEDIUM (SMC-3 6.7).
 */
public final class Changer {
    private static final int ALLOCATION = 64 * 1024;
    private static final int PVOLTAG = 0x80;
    private static final int FULL = 0x01;
    private static final int SVALID = 0x80;
    private static final int VOLUME_TAG_LENGTH = 36;
    private static final int FIXED_DESCRIPTOR = 12;

    /**
     * The Element Address Assignment page: first address and count per element type.
     */
    public record AddressAssignment(int transportFirst, int transportCount, int storageFirst, int storageCount,
                                    int importExportFirst, int importExportCount, int driveFirst, int driveCount) {
    }

    private final IscsiSession session;
    private final int lun;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(ALLOCATION);

    public Changer(IscsiSession session, int lun) {
        this.session = session;
        this.lun = lun;
    }

    /** TEST UNIT READY until GOOD: consumes the power-on UNIT ATTENTION a fresh I_T nexus gets. */
    public void awaitReady() throws IOException {
        ScsiResult r = null;
        for (int i = 0; i < 10; i++) {
            r = session.execute(lun, new byte[6], null, null);
            if (r.good()) {
                return;
            }
        }
        r.requireGood("TEST UNIT READY on changer LUN " + lun);
    }

    public AddressAssignment addressAssignment() throws IOException {
        ByteBuffer in = buffer.clear().limit(255);
        byte[] cdb = {0x1a, 0x08, 0x1d, 0, (byte) 255, 0};
        session.execute(lun, cdb, null, in).requireGood("MODE SENSE(6) page 1Dh");
        int p = 4 + (in.get(3) & 0xff);
        if ((in.get(p) & 0x3f) != 0x1d) {
            throw new IllegalStateException("changer returned page " + (in.get(p) & 0x3f) + " for page 1Dh");
        }
        return new AddressAssignment(u16(in, p + 2), u16(in, p + 4), u16(in, p + 6), u16(in, p + 8),
                u16(in, p + 10), u16(in, p + 12), u16(in, p + 14), u16(in, p + 16));
    }

    /**
     * The elements of one type with volume tags, sorted by address. Asked per type, as many backup servers do:
     * tgt 1.0.x cuts the medium transport page of an all-types report short, which misaligns the pages after it.
     */
    public List<Element> elements(int elementType) throws IOException {
        ByteBuffer in = buffer.clear();
        byte[] cdb = {(byte) 0xb8, (byte) (0x10 | elementType), 0, 0, (byte) 0xff, (byte) 0xff, 0,
            (byte) (ALLOCATION >>> 16), (byte) (ALLOCATION >>> 8), (byte) ALLOCATION, 0, 0};
        ScsiResult r = session.execute(lun, cdb, null, in).requireGood("READ ELEMENT STATUS");
        List<Element> elements = parseElementStatus(in, r.dataInLength());
        elements.sort(Comparator.comparingInt(Element::address));
        return elements;
    }

    /** Parses READ ELEMENT STATUS data: a header, then per element type a page header and its descriptors. */
    static List<Element> parseElementStatus(ByteBuffer in, int length) {
        List<Element> out = new ArrayList<>();
        int end = Math.min(length, 8 + u24(in, 5));
        for (int p = 8; p + 8 <= end; ) {
            int type = in.get(p) & 0x0f;
            boolean pvoltag = (in.get(p + 1) & PVOLTAG) != 0;
            int descriptorLength = u16(in, p + 2);
            int pageEnd = Math.min(end, p + 8 + u24(in, p + 5));
            // A descriptor cut short is still taken when its fixed 12 bytes are there: tgt 1.0.x counts the 8-byte
            // report header in the report's byte count and drops the last 8 bytes of the report.
            for (int d = p + 8; d + FIXED_DESCRIPTOR <= pageEnd && descriptorLength >= FIXED_DESCRIPTOR;
                 d += descriptorLength) {
                boolean full = (in.get(d + 2) & FULL) != 0;
                int source = (in.get(d + 9) & SVALID) != 0 ? u16(in, d + 10) : -1;
                String barcode = "";
                if (pvoltag && descriptorLength >= FIXED_DESCRIPTOR + VOLUME_TAG_LENGTH
                        && d + FIXED_DESCRIPTOR + 32 <= pageEnd) {
                    byte[] tag = new byte[32];
                    in.get(d + 12, tag);
                    barcode = new String(tag, StandardCharsets.US_ASCII).trim();
                }
                out.add(new Element(type, u16(in, d), full, barcode, source));
            }
            p = pageEnd;
        }
        return out;
    }

    public void moveMedium(int transport, int source, int destination) throws IOException {
        byte[] cdb = {(byte) 0xa5, 0, (byte) (transport >>> 8), (byte) transport, (byte) (source >>> 8),
            (byte) source, (byte) (destination >>> 8), (byte) destination, 0, 0, 0, 0};
        session.execute(lun, cdb, null, null)
                .requireGood("MOVE MEDIUM " + source + " -> " + destination);
    }

    private static int u16(ByteBuffer b, int at) {
        return b.getShort(at) & 0xffff;
    }

    private static int u24(ByteBuffer b, int at) {
        return (b.get(at) & 0xff) << 16 | (b.get(at + 1) & 0xff) << 8 | b.get(at + 2) & 0xff;
    }
}
