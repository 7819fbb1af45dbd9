package dev.fulcrum.gateway.wiring;

import dev.fulcrum.core.tenant.Tenant;
import dev.fulcrum.dataplane.privacy.sanitize.HashKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Each tenant's key for the HASH action: HMAC-SHA256 of the tenant id under a local secret (32
 * random bytes, created with owner-only permissions on first start). The same tenant always
 * gets the same key, different tenants unlinkable ones.
 */
final class HashKeys implements Function<Tenant, HashKey> {
  private final byte[] secret;
  private final Map<String, HashKey> byTenant = new ConcurrentHashMap<>();

  private HashKeys(byte[] secret) {
    this.secret = secret;
  }

  static HashKeys load(Path file) {
    try {
      if (!Files.exists(file)) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, ".hash", ".tmp");
        try {
          Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: rely on the directory's permissions
        }
        Files.write(temp, fresh);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
      byte[] secret = Files.readAllBytes(file);
      if (secret.length < 16) {
        throw new IllegalStateException(file + " holds " + secret.length + " bytes; a hash "
            + "secret needs at least 16 (delete it to have a new one made)");
      }
      return new HashKeys(secret);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the hash secret " + file, e);
    }
  }

  @Override
  public HashKey apply(Tenant tenant) {
    return byTenant.computeIfAbsent(tenant.id(), id -> {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return HashKey.of(mac.doFinal(("fulcrum-hash-key:" + id)
            .getBytes(StandardCharsets.UTF_8)));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("every JDK has HmacSHA256", e);
      }
    });
  }
}
