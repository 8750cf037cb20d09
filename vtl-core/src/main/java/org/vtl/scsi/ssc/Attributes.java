package org.vtl.scsi.ssc;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.vtl.cartridge.MamAttributes;
import org.vtl.cartridge.MediumException;
import org.vtl.scsi.Cdb;
import org.vtl.scsi.ScsiException;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiTask;
import org.vtl.scsi.SenseCode;
import org.vtl.scsi.spc.SpcLogicalUnit;

/**
 * READ ATTRIBUTE and WRITE ATTRIBUTE on the cartridge's medium auxiliary memory (SPC-5 6.18, 6.40, 7.4):
 * attribute values, attribute list, logical volume list, partition list and supported attributes; host
 * attributes (0800h-BFFFh) are writable, device and medium attributes read only.
 */
final class Attributes {

    /** Host attribute identifiers (SPC-5 Table 344) an application may write, reported as supported. */
    private static final int[] HOST_ATTRIBUTES = {0x0800, 0x0801, 0x0802, 0x0803, 0x0804, 0x0805, 0x0806, 0x0807,
            0x0808, 0x0809, 0x080A, 0x080B, 0x080C, 0x0820, 0x0821};
    private static final int FIRST_HOST_ATTRIBUTE = 0x0800;

    private final TapeDrive drive;

    Attributes(TapeDrive drive) {
        this.drive = drive;
    }

    ScsiResponse read(ScsiTask task) {
        byte[] cdb = task.cdb();
        int action = cdb[1] & 0x1f;
        int partition = cdb[7] & 0xff;
        int first = Cdb.u16(cdb, 8);
        if ((cdb[5] & 0xff) != 0) {
            throw ScsiException.invalidCdbField(5, -1); // one logical volume
        }
        int partitions = drive.cartridge().partitionCount();
        if (partition >= partitions && action != 0x02 && action != 0x03) {
            throw ScsiException.invalidCdbField(7, -1);
        }
        MamAttributes mam = drive.cartridge().attributes();
        return switch (action) {
            case 0x00 -> SpcLogicalUnit.data(values(mam.readAll(partition), first));
            case 0x01 -> SpcLogicalUnit.data(list(mam.readAll(partition).keySet(), first));
            case 0x02 -> SpcLogicalUnit.data(new byte[] {0, 2, 0, 1});
            case 0x03 -> SpcLogicalUnit.data(new byte[] {0, 2, 0, (byte) partitions});
            case 0x05 -> {
                TreeMap<Integer, byte[]> supported = new TreeMap<>(mam.readAll(partition));
                for (int id : HOST_ATTRIBUTES) {
                    supported.putIfAbsent(id, new byte[0]);
                }
                yield SpcLogicalUnit.data(list(supported.keySet(), first));
            }
            default -> throw ScsiException.invalidCdbField(1, 4);
        };
    }

    private static byte[] values(SortedMap<Integer, byte[]> all, int first) {
        if (first != 0 && !all.containsKey(first)) {
            throw ScsiException.invalidCdbField(8, -1); // SPC-5 6.18.2: the first attribute is not available
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[4]);
        for (Map.Entry<Integer, byte[]> e : all.tailMap(first).entrySet()) {
            byte[] v = e.getValue();
            byte[] h = new byte[5];
            Cdb.put16(h, 0, e.getKey());
            h[2] = (byte) ((e.getKey() < FIRST_HOST_ATTRIBUTE ? 0x80 : 0) | format(e.getKey()));
            Cdb.put16(h, 3, v.length);
            out.writeBytes(h);
            out.writeBytes(v);
        }
        byte[] b = out.toByteArray();
        Cdb.put32(b, 0, b.length - 4);
        return b;
    }

    private static byte[] list(java.util.Set<Integer> ids, int first) {
        byte[] b = new byte[4 + 2 * (int) ids.stream().filter(i -> i >= first).count()];
        Cdb.put32(b, 0, b.length - 4);
        int at = 4;
        for (int id : ids) {
            if (id >= first) {
                Cdb.put16(b, at, id);
                at += 2;
            }
        }
        return b;
    }

    private static boolean isStandardHostAttribute(int id) {
        for (int h : HOST_ATTRIBUTES) {
            if (h == id) {
                return true;
            }
        }
        return false;
    }

    /** FORMAT: 00b binary, 01b ASCII, 10b text (SPC-5 Table 335, per attribute in Tables 338-344). */
    static int format(int id) {
        return switch (id) {
            case 0x0005, 0x0008, 0x020A, 0x020B, 0x020C, 0x020D, 0x0400, 0x0401, 0x0404, 0x0406, 0x0800, 0x0801,
                 0x0802, 0x0804, 0x0806, 0x0809, 0x080B -> 1;
            case 0x0803, 0x0807, 0x0808 -> 2;
            default -> 0;
        };
    }

    ScsiResponse write(ScsiTask task) {
        byte[] cdb = task.cdb();
        int partition = cdb[7] & 0xff;
        if ((cdb[5] & 0xff) != 0) {
            throw ScsiException.invalidCdbField(5, -1);
        }
        if (partition >= drive.cartridge().partitionCount()) {
            throw ScsiException.invalidCdbField(7, -1);
        }
        long listLength = Cdb.u32(cdb, 10);
        byte[] p = task.parameterData();
        if (listLength < 4 || p.length < listLength || p.length < 4) {
            throw ScsiException.of(SenseCode.PARAMETER_LIST_LENGTH_ERROR);
        }
        int end = (int) Math.min(listLength, 4 + Cdb.u32(p, 0));
        SortedMap<Integer, byte[]> attributes = new TreeMap<>();
        int at = 4;
        while (at < end) {
            if (at + 5 > end) {
                throw ScsiException.of(SenseCode.PARAMETER_LIST_LENGTH_ERROR);
            }
            int id = Cdb.u16(p, at);
            int length = Cdb.u16(p, at + 3);
            if (id < FIRST_HOST_ATTRIBUTE) {
                throw ScsiException.invalidParameterField(at, -1); // read-only attribute
            }
            if (isStandardHostAttribute(id) && (p[at + 2] & 0x03) != format(id)) {
                throw ScsiException.invalidParameterField(at + 2, 1);
            }
            if (at + 5 + length > end) {
                throw ScsiException.of(SenseCode.PARAMETER_LIST_LENGTH_ERROR);
            }
            attributes.put(id, java.util.Arrays.copyOfRange(p, at + 5, at + 5 + length));
            at += 5 + length;
        }
        try {
            drive.cartridge().attributes().write(partition, attributes);
        } catch (MediumException e) {
            throw drive.failure(e);
        }
        return ScsiResponse.good();
    }
}
