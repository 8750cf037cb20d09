package org.vtl.admin;

import java.util.List;

import org.vtl.config.PartitionConfig;

/**
 * Library partitions: each is its own iSCSI target with a changer, drives, slots and media. Implemented over
 * the catalog (every change one atomic write batch that survives a restart) and the live library (a new
 * partition is a new target at once; new slots raise the unit attention a real library raises).
 * Methods throw {@link ApiException} to refuse.
 */
public interface PartitionService {

    List<PartitionView> list();

    /** @throws ApiException not_found */
    PartitionView partition(String name);

    /**
     * Creates a partition (already checked against the configuration rules) with its cartridges.
     *
     * @throws ApiException conflict when the name, IQN or a barcode is taken
     */
    PartitionView create(PartitionConfig partition);

    /**
     * Replaces a partition's settings (IQN, changer identity, quota, CHAP, allowed initiators; drive and slot
     * counts through {@link #addDrives}, {@link #removeDrive} and {@link #resizeSlots}).
     */
    PartitionView update(String name, PartitionConfig partition);

    /**
     * Deletes a partition. Refused while it owns cartridges or has sessions, unless {@code force}: then its
     * sessions are dropped and its cartridges move to the vault shelf.
     */
    void delete(String name, boolean force);

    List<DriveView> drives(String partition);

    /** Adds {@code count} drives of the partition's generation and identity. */
    List<DriveView> addDrives(String partition, int count);

    /** Removes one drive; refused while it holds a cartridge or a session uses it, unless {@code force}. */
    void removeDrive(String partition, int index, boolean force);

    /** Sets the number of storage and import/export slots; refused when it would drop an occupied slot. */
    PartitionView resizeSlots(String partition, int slots, int importExportSlots);
}
