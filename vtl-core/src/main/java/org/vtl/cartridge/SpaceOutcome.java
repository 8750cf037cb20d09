package org.vtl.cartridge;

/**
 * Result of a SPACE or LOCATE: how far it got and what stopped it.
 *
 * @param completed  how many of the requested units (blocks, filemarks) were crossed, always &gt;= 0
 * @param stoppedBy  {@code null} when the whole count was spaced; otherwise {@link RecordKind#FILEMARK}
 *                   (spacing blocks met a filemark: forward the position is after it, backward before it),
 *                   {@link RecordKind#END_OF_DATA}, {@link RecordKind#BEGINNING_OF_PARTITION} or
 *                   {@link RecordKind#END_OF_PARTITION}
 */
public record SpaceOutcome(long completed, RecordKind stoppedBy) {

    public static SpaceOutcome complete(long count) {
        return new SpaceOutcome(count, null);
    }

    public boolean isComplete() {
        return stoppedBy == null;
    }
}
