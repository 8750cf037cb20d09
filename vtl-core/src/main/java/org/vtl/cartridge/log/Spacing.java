package org.vtl.cartridge.log;

import org.vtl.cartridge.RecordKind;
import org.vtl.cartridge.SpaceOutcome;
import org.vtl.catalog.Catalog;

/**
 * SPACE over blocks and filemarks by index lookups (SSC-5 6.8): O(log n) whatever the count, using the
 * filemark index (filemark number -> logical object) and the totals in block index entries.
 */
final class Spacing {

    private final LogMountedCartridge cartridge;
    private final Catalog catalog;
    private final long id;
    private final int partition;
    private final LiveState live;
    private final LogMountedCartridge.Cursor cursor;

    Spacing(LogMountedCartridge cartridge) {
        this.cartridge = cartridge;
        this.catalog = cartridge.catalog();
        this.id = cartridge.cartridgeId();
        this.partition = cartridge.partition();
        this.live = cartridge.live();
        this.cursor = cartridge.cursor();
    }

    SpaceOutcome blocks(long count) {
        long p = cursor.object;
        long fb = cursor.filemarksBefore;
        if (count >= 0) {
            // The first filemark at or after the position is filemark number fb, if it exists.
            long f = fb < live.filemarks ? catalog.filemark(id, partition, fb) : -1;
            long limit = f >= 0 ? f : live.endOfData;
            if (count <= limit - p) {
                cartridge.moveTo(p + count);
                return SpaceOutcome.complete(count);
            }
            if (f >= 0) {
                cartridge.moveTo(f + 1);
                return new SpaceOutcome(f - p, RecordKind.FILEMARK);
            }
            cartridge.moveTo(live.endOfData);
            return new SpaceOutcome(live.endOfData - p, RecordKind.END_OF_DATA);
        }
        long back = count == Long.MIN_VALUE ? Long.MAX_VALUE : -count;
        long g = fb > 0 ? catalog.filemark(id, partition, fb - 1) : -1;
        if (back <= p - (g + 1)) {
            cartridge.moveTo(p - back);
            return SpaceOutcome.complete(back);
        }
        if (g >= 0) {
            cartridge.moveTo(g);
            return new SpaceOutcome(p - g - 1, RecordKind.FILEMARK);
        }
        cartridge.moveTo(0);
        return new SpaceOutcome(p, RecordKind.BEGINNING_OF_PARTITION);
    }

    SpaceOutcome filemarks(long count) {
        long fb = cursor.filemarksBefore;
        if (count >= 0) {
            if (count == 0) {
                return SpaceOutcome.complete(0);
            }
            if (count <= live.filemarks - fb) {
                cartridge.moveTo(catalog.filemark(id, partition, fb + count - 1) + 1);
                return SpaceOutcome.complete(count);
            }
            cartridge.moveTo(live.endOfData);
            return new SpaceOutcome(live.filemarks - fb, RecordKind.END_OF_DATA);
        }
        long back = count == Long.MIN_VALUE ? Long.MAX_VALUE : -count;
        if (back <= fb) {
            cartridge.moveTo(catalog.filemark(id, partition, fb - back));
            return SpaceOutcome.complete(back);
        }
        cartridge.moveTo(0);
        return new SpaceOutcome(fb, RecordKind.BEGINNING_OF_PARTITION);
    }
}
