package org.vtl.library;

import java.util.ArrayList;
import java.util.List;

/**
 * Element address assignment of one partition's changer (SMC-3 7.3.3 mode page 1Dh): the first address
 * and count per element type. Ranges never overlap.
 */
public record ElementLayout(int transportFirst, int transportCount, int storageFirst, int storageCount,
                            int importExportFirst, int importExportCount, int dataTransferFirst,
                            int dataTransferCount) {

    public ElementLayout {
        if (transportCount < 1 || storageCount < 0 || importExportCount < 0 || dataTransferCount < 0) {
            throw new IllegalArgumentException("element counts must be >= 0 and there must be a transport");
        }
        int[][] ranges = {{transportFirst, transportCount}, {storageFirst, storageCount},
                {importExportFirst, importExportCount}, {dataTransferFirst, dataTransferCount}};
        for (int i = 0; i < ranges.length; i++) {
            if (ranges[i][0] < 0 || ranges[i][0] + ranges[i][1] > 0x10000) {
                throw new IllegalArgumentException("element addresses must fit in 16 bits");
            }
            for (int j = i + 1; j < ranges.length; j++) {
                boolean overlap = ranges[i][0] < ranges[j][0] + ranges[j][1]
                        && ranges[j][0] < ranges[i][0] + ranges[i][1];
                if (overlap && ranges[i][1] > 0 && ranges[j][1] > 0) {
                    throw new IllegalArgumentException("element address ranges overlap");
                }
            }
        }
    }

    /** The type at {@code address}, or null when no element has that address. */
    public ElementType typeOf(int address) {
        if (in(address, transportFirst, transportCount)) {
            return ElementType.MEDIUM_TRANSPORT;
        }
        if (in(address, storageFirst, storageCount)) {
            return ElementType.STORAGE;
        }
        if (in(address, importExportFirst, importExportCount)) {
            return ElementType.IMPORT_EXPORT;
        }
        if (in(address, dataTransferFirst, dataTransferCount)) {
            return ElementType.DATA_TRANSFER;
        }
        return null;
    }

    public int first(ElementType type) {
        return switch (type) {
            case MEDIUM_TRANSPORT -> transportFirst;
            case STORAGE -> storageFirst;
            case IMPORT_EXPORT -> importExportFirst;
            case DATA_TRANSFER -> dataTransferFirst;
        };
    }

    public int count(ElementType type) {
        return switch (type) {
            case MEDIUM_TRANSPORT -> transportCount;
            case STORAGE -> storageCount;
            case IMPORT_EXPORT -> importExportCount;
            case DATA_TRANSFER -> dataTransferCount;
        };
    }

    /** Every address, ascending. */
    public List<Integer> addresses() {
        List<Integer> all = new ArrayList<>();
        for (ElementType t : ElementType.values()) {
            for (int i = 0; i < count(t); i++) {
                all.add(first(t) + i);
            }
        }
        all.sort(Integer::compare);
        return all;
    }

    private static boolean in(int address, int first, int count) {
        return address >= first && address < first + count;
    }
}
