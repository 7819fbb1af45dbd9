package dev.fulcrum.controlplane.keys;

import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.core.tenant.Tenant;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Per-tenant envelope encryption. Each tenant has versioned data-encryption keys (DEKs, Tink
 * AES-256-GCM keysets), stored in the database only wrapped by the {@link KekProvider}'s KEK.
 * New data is encrypted under the tenant's newest DEK; every version still present decrypts.
 *
 * <p><b>Ciphertext format</b>: {@code 0x01 | DEK version (4 bytes, big-endian) | Tink AEAD
 * output}. The AEAD's associated data binds the 5-byte header, the tenant id and the caller's
 * associated data, so a ciphertext cannot be replayed under another tenant, version or context.
 *
 * <p><b>Crypto-shredding</b>: {@link #shred} deletes every wrapped DEK of a tenant; from then on
 * its ciphertexts, wherever they were copied, are unreadable ({@link
 * DataKeyUnavailableException}). Other replicas may keep an unwrapped DEK cached for at most the
 * configured cache TTL. Physical remnants (PostgreSQL dead tuples before {@code VACUUM}, backups)
 * still hold the wrapped DEK and stay readable to whoever also holds the KEK, so retention of
 * backups bounds how final a shred is; on SQLite the delete runs with {@code secure_delete}.
 *
 * <p>Thread-safe. Every method may throw {@link dev.fulcrum.controlplane.store.StoreException}
 * when the store fails and {@link KeysetException} when the KEK cannot unwrap a stored key.
 */
public interface TenantKeys {

  /**
   * Encrypts under the tenant's current DEK, creating one on first use (version 1, or the
   * version after the last one shredded).
   *
   * @param associatedData authenticated but not encrypted context (e.g. a record id); the same
   *     bytes must be given to {@link #decrypt}; may be empty, never null
   */
  byte[] encrypt(Tenant tenant, byte[] plaintext, byte[] associatedData);

  /**
   * Decrypts a ciphertext made by {@link #encrypt} for this tenant, under whichever DEK version
   * it names.
   *
   * @throws DataKeyUnavailableException when that DEK version no longer exists (shredded)
   * @throws DecryptionFailedException when the ciphertext or associated data do not authenticate
   */
  byte[] decrypt(Tenant tenant, byte[] ciphertext, byte[] associatedData);

  /**
   * Adds a new DEK version that all later {@link #encrypt} calls use; older versions stay to
   * decrypt existing data.
   *
   * @return the new version number
   */
  int rotate(Tenant tenant);

  /** The version new data is encrypted under, or empty when the tenant has no DEK. */
  OptionalInt currentVersion(Tenant tenant);

  /**
   * Destroys all of the tenant's DEKs (crypto-shredding). Irreversible: its existing ciphertexts
   * become unreadable. A later {@link #encrypt} for the same id starts a new, unrelated DEK whose
   * version is above every destroyed one, so the old ciphertexts keep failing with {@link
   * DataKeyUnavailableException} (version numbers are never reused).
   *
   * @return how many key versions were destroyed
   */
  int shred(Tenant tenant);

  /** The DEK version a ciphertext made by {@link #encrypt} names, or empty when it is not one. */
  static OptionalInt version(byte[] ciphertext) {
    int version = Envelope.version(ciphertext);
    return version < 1 ? OptionalInt.empty() : OptionalInt.of(version);
  }

  /** Starts configuring tenant keys kept in {@code db} and wrapped by {@code kek}. */
  static Builder builder(Database db, KekProvider kek) {
    return new Builder(db, kek);
  }

  /** Configuration with defaults: system clock, 30 s cache TTL. */
  final class Builder {
    private final Database db;
    private final KekProvider kek;
    private InstantSource clock = InstantSource.system();
    private Duration cacheTtl = Duration.ofSeconds(30);

    private Builder(Database db, KekProvider kek) {
      this.db = Objects.requireNonNull(db, "db");
      this.kek = Objects.requireNonNull(kek, "kek");
    }

    /** The clock stamping new keys and expiring cached ones. */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long an unwrapped DEK and a tenant's current version are reused before the store is
     * asked again; bounds how long other replicas keep using a shredded or superseded key.
     */
    public Builder cacheTtl(Duration cacheTtl) {
      if (cacheTtl.isNegative()) {
        throw new IllegalArgumentException("cacheTtl must not be negative");
      }
      this.cacheTtl = cacheTtl;
      return this;
    }

    /**
     * Creates or upgrades the key tables and returns the service.
     *
     * @throws dev.fulcrum.controlplane.store.StoreException when the store fails
     */
    public TenantKeys build() {
      KeysSchema.apply(db);
      return new StoredTenantKeys(db, kek, clock, cacheTtl);
    }
  }
}
