package org.vtl.admin;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vtl.config.CartridgeRange;
import org.vtl.config.ConfigException;
import org.vtl.config.ConfigLoader;
import org.vtl.config.PartitionConfig;

/**
 * {@code /api/v1/cartridges}: create (a job), list with filters, show, import, export, erase (a job), delete,
 * write-protect. A cartridge range is sent in the configuration file's form plus its {@code partition}.
 */
final class CartridgeRoutes {

    /** Body of {@code POST .../import}. @param partition the library to import into */
    record ImportTo(String partition) {
    }

    /** Body of {@code PUT .../write-protect}. @param on set or clear the tab */
    record WriteProtect(boolean on) {
    }

    private CartridgeRoutes() {
    }

    static void register(Router router, Optional<CartridgeService> service, Optional<PartitionService> partitions,
                         JobRegistry jobs) {
        router.add("GET", "/api/v1/cartridges", r -> ApiResponse.ok(cartridges(service).list(
                new CartridgeFilter(r.query("partition"), location(r.query("location")), r.query("barcode")))));
        router.add("POST", "/api/v1/cartridges", r -> {
            CartridgeService cartridges = cartridges(service);
            JsonNode body = r.json();
            if (!body.isObject() || !body.hasNonNull("partition")) {
                throw ApiException.invalid("partition is required: the library the cartridges are created in");
            }
            String partition = body.get("partition").asText();
            PartitionConfig owner = LibraryRoutes.partitions(partitions).partition(partition).config();
            ObjectNode rangeNode = ((ObjectNode) body).deepCopy();
            rangeNode.remove("partition");
            CartridgeRange range = bind(rangeNode, owner);
            return ApiResponse.accepted(jobs.submit("cartridge-create", "create cartridges " + range.barcodes()
                    + " in partition " + partition, "cartridges", p -> cartridges.create(partition, range, p)));
        });
        router.add("GET", "/api/v1/cartridges/{barcode}", r -> ApiResponse.ok(cartridges(service).cartridge(r.param("barcode"))));
        router.add("POST", "/api/v1/cartridges/{barcode}/import", r -> {
            ImportTo to = r.body(ImportTo.class);
            if (to.partition() == null) {
                throw ApiException.invalid("partition is required: the library whose mail slot receives the cartridge");
            }
            return ApiResponse.ok(cartridges(service).importTo(r.param("barcode"), to.partition()));
        });
        router.add("POST", "/api/v1/cartridges/{barcode}/export",
                r -> ApiResponse.ok(cartridges(service).export(r.param("barcode"))));
        router.add("POST", "/api/v1/cartridges/{barcode}/erase", r -> {
            CartridgeService cartridges = cartridges(service);
            String barcode = r.param("barcode");
            cartridges.cartridge(barcode);
            return ApiResponse.accepted(jobs.submit("cartridge-erase", "erase cartridge " + barcode, "bytes",
                    p -> cartridges.erase(barcode, p)));
        });
        router.add("DELETE", "/api/v1/cartridges/{barcode}", r -> {
            cartridges(service).delete(r.param("barcode"));
            return ApiResponse.noContent();
        });
        router.add("PUT", "/api/v1/cartridges/{barcode}/write-protect", r -> ApiResponse.ok(
                cartridges(service).writeProtect(r.param("barcode"), r.body(WriteProtect.class).on())));
    }

    private static CartridgeService cartridges(Optional<CartridgeService> service) {
        return service.orElseThrow(() -> ApiException.unavailable("cartridges", "the catalog"));
    }

    private static CartridgeView.Location location(String text) {
        if (text == null) {
            return null;
        }
        try {
            return CartridgeView.Location.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("location must be one of storage-slot, import-export-slot, drive, vault, was \""
                    + text + "\"");
        }
    }

    private static CartridgeRange bind(JsonNode node, PartitionConfig owner) {
        try {
            return ConfigLoader.cartridges(node, owner, "cartridges");
        } catch (ConfigException e) {
            throw ApiException.invalid(String.join("; ", e.errors()));
        }
    }
}
