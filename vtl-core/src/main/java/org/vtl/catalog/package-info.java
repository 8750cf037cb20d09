/**
 * The catalog: the appliance's single source of truth after first boot, in RocksDB behind the narrow
 * {@link org.vtl.catalog.KeyValueStore} (only {@link org.vtl.catalog.RocksKeyValueStore} sees org.rocksdb).
 * {@link org.vtl.catalog.Catalog} reads typed entries (cartridges, partition states, block and filemark
 * indexes, segment lists, extents with reference counts, MAM attributes, statistics, and namespaced state of
 * other layers); {@link org.vtl.catalog.CatalogBatch} collects atomic multi-key updates, committed with a
 * synced write-ahead log at durability points. Key layout: {@link org.vtl.catalog.CatalogKeys} and
 * docs/adr/0003-catalog-keys.md; value formats: docs/formats.md.
 */
package org.vtl.catalog;
