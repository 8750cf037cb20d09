package org.vtl.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangerTest {
    /**
     * READ ELEMENT STATUS of the data transfer elements as tgt 1.0.85 sent it (2 drives, VOLTAG): the report's
     * byte count includes the 8-byte header and the second 52-byte descriptor arrives 8 bytes short.
     */
    private static final String TGT_DRIVES = "01f40002000000700480003400000068"
            + "01f4000000000000000000002020202020202020202020202020202020202020202020202020202020202020"
            + "0000000000000000"
            + "01f50000000000000000000020202020202020202020202020202020202020202020202020202020202020";

    @Test
    void truncatedTgtReportStillYieldsEveryDrive() {
        byte[] bytes = HexFormat.of().parseHex(TGT_DRIVES);
        List<Element> e = Changer.parseElementStatus(ByteBuffer.wrap(bytes), bytes.length);
        assertEquals(2, e.size());
        assertEquals(500, e.get(0).address());
        assertEquals(501, e.get(1).address());
        assertEquals(Element.DATA_TRANSFER, e.get(1).type());
        assertFalse(e.get(1).full());
    }

    @Test
    void storageDescriptorGivesBarcodeAndFullBit() {
        String hdr = "03e8000100000034" + "02800034000000" + "34";
        String desc = "03e8010000000000000000" + "00" + hex("TGT001L5", 32) + "00000000" + "0000000000000000";
        byte[] bytes = HexFormat.of().parseHex(hdr + desc);
        List<Element> e = Changer.parseElementStatus(ByteBuffer.wrap(bytes), bytes.length);
        assertEquals(1, e.size());
        assertTrue(e.getFirst().full());
        assertEquals("TGT001L5", e.getFirst().barcode());
        assertEquals(1000, e.getFirst().address());
    }

    private static String hex(String text, int width) {
        StringBuilder sb = new StringBuilder(HexFormat.of().formatHex(text.getBytes()));
        while (sb.length() < width * 2) {
            sb.append("20");
        }
        return sb.toString();
    }
}
