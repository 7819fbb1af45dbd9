package dev.fulcrum.controlplane.archive;

import dev.fulcrum.controlplane.keys.TenantKeys;
import dev.fulcrum.controlplane.registry.Change;
import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.core.tenant.Tenant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Archived requests, each sealed under its tenant's current key ({@link TenantKeys}) with the
 * tenant and request id as associated data, so a ciphertext moved to another row or tenant does
 * not decrypt. The store holds only ciphertext and metadata ({@code archive}: request id, tenant,
 * time, key version).
 *
 * <p>{@link #shred} destroys a tenant's keys: its records stay where they are, unreadable for
 * good ({@link TenantShreddedException}); other tenants are unaffected. A tenant that sends
 * requests after a shred is archived under a new key whose version is above the destroyed ones.
 *
 * <p>Thread-safe. Every method may throw {@link dev.fulcrum.controlplane.store.StoreException}
 * when the store fails and {@link dev.fulcrum.controlplane.keys.KeysetException} when the KEK
 * cannot wrap or unwrap a key.
 */
public interface RequestArchive {
  /** The most records {@link #list} returns at once. */
  int MAX_LIST = 1000;

  /**
   * Encrypts every entry under its tenant's current key, then stores them all in one
   * transaction. An entry whose request id is archived already is skipped.
   */
  void write(List<ArchiveEntry> entries);

  /**
   * The record of {@code requestId}, decrypted, or empty when none was archived.
   *
   * @throws TenantShreddedException when its tenant's key was destroyed
   * @throws dev.fulcrum.controlplane.keys.DecryptionFailedException when the stored row was
   *     altered
   */
  Optional<ArchivedRecord> read(String requestId);

  /** The newest {@code limit} (1 to {@link #MAX_LIST}) records of {@code tenant}, newest first. */
  List<ArchiveSummary> list(Tenant tenant, int limit);

  /**
   * Seals new records of {@code tenant} under a new key version; older records stay readable.
   *
   * @return the new version
   */
  int rotate(Tenant tenant, Change change);

  /**
   * Destroys every key of {@code tenant} (crypto-shredding): its archived records become
   * unreadable, irreversibly.
   *
   * @return how many key versions were destroyed
   */
  int shred(Tenant tenant, Change change);

  /** Tells {@code listener} of every rotation and shred once it is done, on the caller's thread. */
  void onKeyChange(Consumer<? super KeyChange> listener);

  /**
   * The archive in {@code db}, creating or upgrading its table, sealed by {@code keys} (which
   * must keep its own tables in the same store).
   *
   * @throws dev.fulcrum.controlplane.store.StoreException when the store fails
   */
  static RequestArchive create(Database db, TenantKeys keys) {
    ArchiveSchema.apply(db);
    return new StoredRequestArchive(new ArchiveTable(db), keys);
  }
}
