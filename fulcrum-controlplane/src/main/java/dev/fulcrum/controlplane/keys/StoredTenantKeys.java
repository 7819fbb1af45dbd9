package dev.fulcrum.controlplane.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.fulcrum.controlplane.store.Database;
import dev.fulcrum.core.tenant.Tenant;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/** {@link TenantKeys} over {@code tenant_data_keys}, with a short-lived cache of unwrapped DEKs. */
final class StoredTenantKeys implements TenantKeys {
  private record DekId(String tenant, int version) {}

  private record Cached<T>(T value, Instant loadedAt) {}

  private final DataKeyTable table;
  private final KekProvider kek;
  private final InstantSource clock;
  private final Duration cacheTtl;
  private final ConcurrentHashMap<DekId, Cached<Aead>> deks = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Cached<Integer>> current = new ConcurrentHashMap<>();

  StoredTenantKeys(Database db, KekProvider kek, InstantSource clock, Duration cacheTtl) {
    this.table = new DataKeyTable(db);
    this.kek = kek;
    this.clock = clock;
    this.cacheTtl = cacheTtl;
  }

  @Override
  public byte[] encrypt(Tenant tenant, byte[] plaintext, byte[] associatedData) {
    Objects.requireNonNull(plaintext, "plaintext");
    Objects.requireNonNull(associatedData, "associatedData");
    int version = currentOrCreate(tenant.id());
    Optional<Aead> found = dek(tenant.id(), version);
    if (found.isEmpty()) { // shredded since the version was cached: start afresh
      current.remove(tenant.id());
      version = currentOrCreate(tenant.id());
      found = dek(tenant.id(), version);
    }
    int used = version;
    Aead dek = found.orElseThrow(() -> new IllegalStateException("data key v" + used
        + " of tenant " + tenant.id() + " vanished while encrypting; retry"));
    byte[] header = Envelope.header(version);
    try {
      return Envelope.concat(header, dek.encrypt(plaintext,
          Envelope.associatedData(header, tenant.id(), associatedData)));
    } catch (GeneralSecurityException e) {
      throw new KeysetException("cannot encrypt with data key v" + version + " of tenant "
          + tenant.id(), e);
    }
  }

  @Override
  public byte[] decrypt(Tenant tenant, byte[] ciphertext, byte[] associatedData) {
    Objects.requireNonNull(associatedData, "associatedData");
    int version = Envelope.version(ciphertext);
    if (version < 1) {
      throw new DecryptionFailedException("not a tenant ciphertext (unknown format) for tenant "
          + tenant.id(), null);
    }
    Aead dek = dek(tenant.id(), version).orElseThrow(() -> new DataKeyUnavailableException(
        "data key v" + version + " of tenant " + tenant.id() + " does not exist: the tenant's "
            + "keys were destroyed (crypto-shredded) or the data is not this tenant's"));
    byte[] body = Arrays.copyOfRange(ciphertext, Envelope.HEADER, ciphertext.length);
    byte[] header = Envelope.header(version);
    try {
      return dek.decrypt(body, Envelope.associatedData(header, tenant.id(), associatedData));
    } catch (GeneralSecurityException e) {
      throw new DecryptionFailedException("ciphertext for tenant " + tenant.id() + " (data key v"
          + version + ") does not authenticate: altered, or other associated data", e);
    }
  }

  @Override
  public int rotate(Tenant tenant) {
    int next = table.next(tenant.id());
    if (!create(tenant.id(), next)) {
      throw new IllegalStateException("data key v" + next + " of tenant " + tenant.id()
          + " was created concurrently; retry the rotation");
    }
    current.put(tenant.id(), new Cached<>(next, clock.instant()));
    return next;
  }

  @Override
  public OptionalInt currentVersion(Tenant tenant) {
    return table.latest(tenant.id());
  }

  @Override
  public int shred(Tenant tenant) {
    int destroyed = table.deleteAll(tenant.id(), clock.instant());
    current.remove(tenant.id());
    deks.keySet().removeIf(id -> id.tenant().equals(tenant.id()));
    return destroyed;
  }

  private int currentOrCreate(String tenant) {
    Cached<Integer> cached = current.get(tenant);
    if (cached != null && fresh(cached)) {
      return cached.value();
    }
    OptionalInt latest = table.latest(tenant);
    int version = latest.isPresent() ? latest.getAsInt() : createFirst(tenant);
    current.put(tenant, new Cached<>(version, clock.instant()));
    return version;
  }

  private int createFirst(String tenant) {
    create(tenant, table.next(tenant)); // a concurrent creator may win; either way a key exists
    return table.latest(tenant).orElseThrow();
  }

  private boolean create(String tenant, int version) {
    KeysetHandle dek = Keysets.generate(PredefinedAeadParameters.AES256_GCM);
    byte[] wrapped;
    try {
      wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(dek, kek.kek(),
          Envelope.wrapContext(tenant, version));
    } catch (GeneralSecurityException e) {
      throw new KeysetException("the KEK cannot wrap a new data key for tenant " + tenant, e);
    }
    return table.insert(tenant, version, wrapped, clock.instant());
  }

  private Optional<Aead> dek(String tenant, int version) {
    DekId id = new DekId(tenant, version);
    Cached<Aead> cached = deks.get(id);
    if (cached != null && fresh(cached)) {
      return Optional.of(cached.value());
    }
    Optional<Aead> loaded = table.wrapped(tenant, version).map(w -> unwrap(tenant, version, w));
    loaded.ifPresentOrElse(aead -> deks.put(id, new Cached<>(aead, clock.instant())),
        () -> deks.remove(id));
    return loaded;
  }

  private Aead unwrap(String tenant, int version, byte[] wrapped) {
    try {
      KeysetHandle dek = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, kek.kek(),
          Envelope.wrapContext(tenant, version));
      return Keysets.primitive(dek, Aead.class);
    } catch (GeneralSecurityException e) {
      throw new KeysetException("the KEK cannot unwrap data key v" + version + " of tenant "
          + tenant + ": the KEK differs from the one that wrapped it, or the row was altered", e);
    }
  }

  private boolean fresh(Cached<?> cached) {
    return clock.instant().isBefore(cached.loadedAt().plus(cacheTtl));
  }

  @Override
  public String toString() {
    return "TenantKeys[cacheTtl=" + cacheTtl + "]";
  }
}
