package org.vtl.appliance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * The admin API's bearer token, kept in a file only its owner can read (mode 0600). Created with 256 random
 * bits on first start; reused afterwards, so scripts keep working across restarts.
 *
 * @param value the token
 * @param file  where it is kept
 */
public record AdminToken(String value, Path file) {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    @Override
    public String toString() {
        return "AdminToken[" + file + "]";
    }

    /** Reads the token file, creating it (0600) with a fresh token when it does not exist. */
    public static AdminToken loadOrCreate(Path file) throws ApplianceException {
        if (!Files.exists(file)) {
            String token = fresh();
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.writeString(file, token + "\n", StandardCharsets.US_ASCII);
                return new AdminToken(token, file);
            } catch (FileAlreadyExistsException e) {
                return load(file);
            } catch (IOException e) {
                throw new ApplianceException("cannot create admin token file " + file + ": "
                        + DataDirectory.reason(e));
            }
        }
        return load(file);
    }

    private static AdminToken load(Path file) throws ApplianceException {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.stream().anyMatch(OTHERS::contains)) {
                throw new ApplianceException("admin token file " + file + " is readable or writable by others (mode "
                        + PosixFilePermissions.toString(mode) + "); run chmod 600 " + file);
            }
            String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (token.isEmpty()) {
                throw new ApplianceException("admin token file " + file
                        + " is empty; delete it and a new token is created at the next start");
            }
            return new AdminToken(token, file);
        } catch (IOException e) {
            throw new ApplianceException("cannot read admin token file " + file + ": " + DataDirectory.reason(e));
        }
    }

    private static String fresh() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
