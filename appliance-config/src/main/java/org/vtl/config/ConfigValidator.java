package org.vtl.config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules that span several keys or look inside a value, checked after binding. Each broken rule adds one
 * line naming the field path and the rule; simple ranges are checked by {@link ConfigBinder} from {@link ConfigKey}.
 */
final class ConfigValidator {

    /** RFC 7143 4.2.7.2: iqn.yyyy-mm.reversed.domain[:unique], eui.16hex, naa.16 or 32 hex; lower case. */
    private static final Pattern ISCSI_NAME = Pattern.compile(
            "iqn\\.\\d{4}-(0[1-9]|1[0-2])\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*"
                    + "(:[a-z0-9.:_-]+)?|eui\\.[0-9a-f]{16}|naa\\.([0-9a-f]{16}|[0-9a-f]{32})");
    private static final Pattern PARTITION_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern HOST = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:.]+]");
    private static final Pattern BARCODE_GENERATION = Pattern.compile(".*L([0-9])$");
    private static final int CHAP_SECRET_MIN = 12;
    private static final int CHAP_SECRET_MAX = 16;

    private final List<String> errors;

    ConfigValidator(List<String> errors) {
        this.errors = errors;
    }

    void validate(ApplianceConfig config) {
        if (config.dataDir() == null || config.dataDir().isBlank()) {
            errors.add("dataDir: must not be empty");
        }
        pool(config.pool());
        iscsi(config.iscsi());
        Map<String, String> barcodes = new HashMap<>();
        Set<String> names = new HashSet<>();
        Set<String> iqns = new HashSet<>();
        for (int i = 0; i < config.partitions().size(); i++) {
            partition(config.partitions().get(i), "partitions[" + i + "]", names, iqns, barcodes);
        }
        admin(config.admin(), config.iscsi());
    }

    private void pool(PoolConfig pool) {
        MembersConfig members = pool.members();
        if (!members.paths().isEmpty() && members.paths().size() != members.count()) {
            errors.add("pool.members.paths: must list exactly pool.members.count (" + members.count()
                    + ") paths or none, was " + members.paths().size());
        }
        duplicates(members.paths(), "pool.members.paths");
        long chunk = pool.chunkSize().bytes();
        if (Long.bitCount(chunk) != 1) {
            errors.add("pool.chunkSize: must be a power of two, was " + pool.chunkSize());
        }
        if (pool.groups() >= 1 && members.count() % pool.groups() != 0) {
            errors.add("pool.groups: must divide pool.members.count (" + members.count() + ") evenly, was "
                    + pool.groups());
        } else if (pool.groups() >= 1 && members.count() / pool.groups() < 4) {
            errors.add("pool.groups: each RAID-6 group needs at least 4 members, " + members.count()
                    + " members in " + pool.groups() + " groups give " + members.count() / pool.groups());
        } else if (pool.groups() >= 1 && members.count() / pool.groups() > 24) {
            errors.add("pool.groups: each RAID-6 group holds at most 24 members, " + members.count()
                    + " members in " + pool.groups() + " groups give " + members.count() / pool.groups());
        }
    }

    private void iscsi(IscsiConfig iscsi) {
        for (int i = 0; i < iscsi.portals().size(); i++) {
            String portal = iscsi.portals().get(i);
            if (Portal.parse(portal) == null) {
                errors.add("iscsi.portals[" + i + "]: must be host:port with port 0 to 65535, was \"" + portal + "\"");
            }
        }
        duplicates(iscsi.portals(), "iscsi.portals");
        if (iscsi.firstBurstLength() > iscsi.maxBurstLength()) {
            errors.add("iscsi.firstBurstLength: must be at most iscsi.maxBurstLength (" + iscsi.maxBurstLength()
                    + "), was " + iscsi.firstBurstLength());
        }
    }

    void partition(PartitionConfig p, String path, Set<String> names, Set<String> iqns,
                           Map<String, String> barcodes) {
        boolean goodName = p.name() != null && PARTITION_NAME.matcher(p.name()).matches();
        if (p.name() != null) {
            if (!goodName) {
                errors.add(path + ".name: must be 1 to 32 characters a-z, 0-9 and '-', starting with a letter or "
                        + "digit, was \"" + p.name() + "\"");
            } else if (!names.add(p.name())) {
                errors.add(path + ".name: must be unique, \"" + p.name() + "\" is used by another partition");
            }
        }
        boolean derivedFromBadName = !goodName && (p.iqn() == null || p.iqn().isEmpty()
                || p.iqn().equals(PartitionConfig.IQN_PREFIX + p.name()));
        if (!derivedFromBadName && p.iqn() != null) {
            if (!ISCSI_NAME.matcher(p.iqn()).matches()) {
                errors.add(path + ".iqn: must be an iSCSI name in lower case such as iqn.2026-11.org.example:tape "
                        + "(RFC 7143 4.2.7), was \"" + p.iqn() + "\"");
            } else if (!iqns.add(p.iqn())) {
                errors.add(path + ".iqn: must be unique, \"" + p.iqn() + "\" is the target of another partition");
            }
        }
        long total = 0;
        for (int j = 0; j < p.cartridges().size(); j++) {
            total += cartridges(p, p.cartridges().get(j), path + ".cartridges[" + j + "]", barcodes);
        }
        if (total > p.slots()) {
            errors.add(path + ".cartridges: " + total + " cartridges do not fit in " + p.slots() + " storage slots");
        }
        if (p.chap() != null) {
            chap(p.chap(), path + ".chap");
        }
        for (int k = 0; k < p.allowedInitiators().size(); k++) {
            String name = p.allowedInitiators().get(k);
            if (!ISCSI_NAME.matcher(name).matches()) {
                errors.add(path + ".allowedInitiators[" + k + "]: must be an iSCSI name in lower case "
                        + "(iqn., eui. or naa.), was \"" + name + "\"");
            }
        }
    }

    /** Checks one range; returns how many cartridges it holds (0 when it is unusable). */
    long cartridges(PartitionConfig p, CartridgeRange c, String path, Map<String, String> barcodes) {
        if (c.media() != null && p.driveGeneration() != null && !p.driveGeneration().writes(c.media())) {
            errors.add(path + ".media: " + p.driveGeneration() + " drives cannot write " + c.media()
                    + " media (they write " + writable(p.driveGeneration()) + ")");
        }
        if (c.capacity() != null && c.media() != null && c.capacity().bytes() > c.media().nativeCapacity()) {
            errors.add(path + ".capacity: must be at most the native capacity of " + c.media() + " media ("
                    + ByteSize.ofBytes(c.media().nativeCapacity()) + "), was " + c.capacity());
        }
        if (c.barcodes() == null) {
            return 0;
        }
        BarcodeRange range;
        try {
            range = BarcodeRange.parse(c.barcodes());
        } catch (IllegalArgumentException e) {
            errors.add(path + ".barcodes: " + e.getMessage());
            return 0;
        }
        var generation = BARCODE_GENERATION.matcher(range.toString());
        if (c.media() != null && generation.matches() && !range.suffix().isEmpty()
                && !("L" + generation.group(1)).equals(c.media().barcodeSuffix())) {
            errors.add(path + ".barcodes: suffix L" + generation.group(1) + " does not match media " + c.media()
                    + " (use " + c.media().barcodeSuffix() + ")");
        }
        if (range.count() <= Math.max(p.slots(), 1)) {
            for (String barcode : range.barcodes()) {
                String first = barcodes.putIfAbsent(barcode, path);
                if (first != null) {
                    errors.add(path + ".barcodes: " + barcode + " is already in " + first);
                    break;
                }
            }
        }
        return range.count();
    }

    private void chap(ChapConfig chap, String path) {
        if (chap.user() != null && (chap.user().isEmpty() || chap.user().length() > 255)) {
            errors.add(path + ".user: must be 1 to 255 characters, was " + chap.user().length());
        }
        secretLength(chap.secret(), path + ".secret");
        if ((chap.mutualUser() == null) != (chap.mutualSecret() == null)) {
            errors.add(path + ": mutualUser and mutualSecret must be given together for mutual CHAP");
        }
        secretLength(chap.mutualSecret(), path + ".mutualSecret");
        if (chap.mutualSecret() != null && chap.mutualSecret().equals(chap.secret())) {
            errors.add(path + ".mutualSecret: must differ from secret (RFC 7143 12.1.3)");
        }
    }

    private void secretLength(String secret, String path) {
        if (secret != null && (secret.length() < CHAP_SECRET_MIN || secret.length() > CHAP_SECRET_MAX)) {
            errors.add(path + ": must be " + CHAP_SECRET_MIN + " to " + CHAP_SECRET_MAX + " characters, was "
                    + secret.length());
        }
    }

    private void admin(AdminConfig admin, IscsiConfig iscsi) {
        if (admin.listen() == null || !HOST.matcher(admin.listen()).matches()) {
            errors.add("admin.listen: must be an IP address or host name, was \"" + admin.listen() + "\"");
        }
        if (admin.tokenFile() == null || admin.tokenFile().isBlank()) {
            errors.add("admin.tokenFile: must not be empty");
        }
        for (String text : iscsi.portals()) {
            Portal portal = Portal.parse(text);
            if (portal != null && admin.port() != 0 && portal.port() == admin.port()
                    && (portal.host().equals(admin.listen()) || portal.isWildcard() || "0.0.0.0".equals(admin.listen()))) {
                errors.add("admin.port: must differ from the port of iSCSI portal " + text + ", was " + admin.port());
            }
        }
    }

    private void duplicates(List<String> values, String path) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            Integer first = seen.putIfAbsent(values.get(i), i);
            if (first != null) {
                errors.add(path + "[" + i + "]: duplicates " + path + "[" + first + "], \"" + values.get(i) + "\"");
            }
        }
    }

    private static String writable(LtoGeneration drive) {
        return drive == LtoGeneration.LTO5 ? "LTO5"
                : LtoGeneration.values()[drive.ordinal() - 1] + " and " + drive;
    }
}
