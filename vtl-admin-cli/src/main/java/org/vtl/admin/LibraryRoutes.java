package org.vtl.admin;

import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.vtl.config.ChapConfig;
import org.vtl.config.ConfigException;
import org.vtl.config.ConfigLoader;
import org.vtl.config.PartitionConfig;

/**
 * {@code /api/v1/partitions}: partitions, their drives and slots. A partition is sent in the configuration
 * file's form (the same keys and rules as {@code partitions[]} in the YAML file, docs/configuration.md).
 */
final class LibraryRoutes {

    /** Body of {@code POST .../drives}. @param count drives to add */
    record DriveAdd(int count) {
    }

    /** Body of {@code PUT .../slots}; {@code null} keeps the current number. */
    record SlotResize(Integer slots, Integer importExportSlots) {
    }

    private static final String SECRET = "********";
    private static final Set<String> NOT_SETTABLE = Set.of("drives", "slots", "importExportSlots", "cartridges");

    private LibraryRoutes() {
    }

    static void register(Router router, Optional<PartitionService> service) {
        router.add("GET", "/api/v1/partitions", r -> ApiResponse.ok(
                partitions(service).list().stream().map(LibraryRoutes::redacted).toList()));
        router.add("POST", "/api/v1/partitions", r -> {
            PartitionService partitions = partitions(service);
            PartitionConfig p = bind(r.json(), null);
            return ApiResponse.created(redacted(partitions.create(p)));
        });
        router.add("GET", "/api/v1/partitions/{name}", r -> ApiResponse.ok(
                redacted(partitions(service).partition(r.param("name")))));
        router.add("PATCH", "/api/v1/partitions/{name}", r -> {
            PartitionService partitions = partitions(service);
            JsonNode patch = r.json();
            checkPatch(patch, r.param("name"));
            PartitionConfig current = partitions.partition(r.param("name")).config();
            return ApiResponse.ok(redacted(partitions.update(r.param("name"), bind(patch, current))));
        });
        router.add("DELETE", "/api/v1/partitions/{name}", r -> {
            partitions(service).delete(r.param("name"), r.flag("force"));
            return ApiResponse.noContent();
        });
        router.add("GET", "/api/v1/partitions/{name}/drives", r -> ApiResponse.ok(
                partitions(service).drives(r.param("name"))));
        router.add("POST", "/api/v1/partitions/{name}/drives", r -> {
            DriveAdd add = r.body(DriveAdd.class);
            if (add.count() < 1 || add.count() > 64) {
                throw ApiException.invalid("count must be between 1 and 64, was " + add.count());
            }
            return ApiResponse.created(partitions(service).addDrives(r.param("name"), add.count()));
        });
        router.add("DELETE", "/api/v1/partitions/{name}/drives/{index}", r -> {
            int index = Math.toIntExact(r.number("drive", r.param("index")));
            partitions(service).removeDrive(r.param("name"), index, r.flag("force"));
            return ApiResponse.noContent();
        });
        router.add("PUT", "/api/v1/partitions/{name}/slots", r -> {
            PartitionService partitions = partitions(service);
            SlotResize resize = r.body(SlotResize.class);
            PartitionConfig current = partitions.partition(r.param("name")).config();
            int slots = resize.slots() == null ? current.slots() : resize.slots();
            int mail = resize.importExportSlots() == null ? current.importExportSlots() : resize.importExportSlots();
            if (slots < 1 || slots > 8192 || mail < 0 || mail > 256) {
                throw ApiException.invalid("slots must be between 1 and 8192 and import/export slots between 0 and "
                        + "256, was " + slots + " and " + mail);
            }
            return ApiResponse.ok(redacted(partitions.resizeSlots(r.param("name"), slots, mail)));
        });
    }

    static PartitionService partitions(Optional<PartitionService> service) {
        return service.orElseThrow(() -> ApiException.unavailable("partitions", "the catalog"));
    }

    private static PartitionConfig bind(JsonNode node, PartitionConfig base) {
        try {
            return ConfigLoader.partition(node, base, "partition");
        } catch (ConfigException e) {
            throw ApiException.invalid(String.join("; ", e.errors()));
        }
    }

    private static void checkPatch(JsonNode patch, String name) {
        if (!patch.isObject()) {
            throw ApiException.invalid("the changes must be a JSON object of partition keys");
        }
        for (Iterator<String> it = patch.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (key.equals("name") && !name.equals(patch.get(key).asText())) {
                throw ApiException.invalid("a partition cannot be renamed; create a new one and move the cartridges");
            }
            if (NOT_SETTABLE.contains(key)) {
                throw ApiException.invalid(key + " is changed with " + switch (key) {
                    case "drives" -> "vtl drive add|remove";
                    case "cartridges" -> "vtl cartridge create|delete";
                    default -> "vtl slot resize";
                });
            }
        }
    }

    /** The view with CHAP secrets masked: the API never hands secrets out. */
    static PartitionView redacted(PartitionView view) {
        PartitionConfig c = view.config();
        if (c.chap() == null) {
            return view;
        }
        ChapConfig chap = new ChapConfig(c.chap().user(), SECRET, c.chap().mutualUser(),
                c.chap().mutualSecret() == null ? null : SECRET);
        PartitionConfig masked = new PartitionConfig(c.name(), c.iqn(), c.changer(), c.drives(), c.driveGeneration(),
                c.driveVendor(), c.slots(), c.importExportSlots(), c.cartridges(), c.quota(), chap,
                c.allowedInitiators());
        return new PartitionView(masked, view.cartridges(), view.usedBytes(), view.sessions());
    }
}
