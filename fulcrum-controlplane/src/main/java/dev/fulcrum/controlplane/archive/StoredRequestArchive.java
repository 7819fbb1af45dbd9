package dev.fulcrum.controlplane.archive;

import dev.fulcrum.controlplane.keys.DataKeyUnavailableException;
import dev.fulcrum.controlplane.keys.TenantKeys;
import dev.fulcrum.controlplane.registry.Change;
import dev.fulcrum.controlplane.registry.internal.Listeners;
import dev.fulcrum.core.tenant.Tenant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** {@link RequestArchive} over {@code archive}, sealed by {@link TenantKeys}. */
final class StoredRequestArchive implements RequestArchive {
  private final ArchiveTable table;
  private final TenantKeys keys;
  private final Listeners<KeyChange> listeners = new Listeners<>();

  StoredRequestArchive(ArchiveTable table, TenantKeys keys) {
    this.table = table;
    this.keys = keys;
  }

  @Override
  public void write(List<ArchiveEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    // sealed first: on SQLite the store has one connection, which a key lookup inside the
    // insert's transaction would wait for
    List<ArchiveTable.Row> rows = new ArrayList<>(entries.size());
    for (ArchiveEntry entry : entries) {
      byte[] ciphertext = keys.encrypt(entry.tenant(), entry.content(),
          associatedData(entry.tenant().id(), entry.requestId()));
      rows.add(new ArchiveTable.Row(new ArchiveSummary(entry.requestId(), entry.tenant().id(),
          entry.createdAt(), TenantKeys.version(ciphertext).orElseThrow()), ciphertext));
    }
    table.insert(rows);
  }

  @Override
  public Optional<ArchivedRecord> read(String requestId) {
    return table.find(RequestIds.check(requestId)).map(row -> {
      ArchiveSummary summary = row.summary();
      try {
        return new ArchivedRecord(summary, keys.decrypt(new Tenant(summary.tenant()),
            row.ciphertext(), associatedData(summary.tenant(), summary.requestId())));
      } catch (DataKeyUnavailableException e) {
        throw new TenantShreddedException(summary, e);
      }
    });
  }

  @Override
  public List<ArchiveSummary> list(Tenant tenant, int limit) {
    if (limit < 1 || limit > MAX_LIST) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIST + ", got " + limit);
    }
    return table.newest(tenant.id(), limit);
  }

  @Override
  public int rotate(Tenant tenant, Change change) {
    int version = keys.rotate(tenant);
    listeners.publish(new KeyChange.Rotated(tenant, version, change));
    return version;
  }

  @Override
  public int shred(Tenant tenant, Change change) {
    int destroyed = keys.shred(tenant);
    listeners.publish(new KeyChange.Shredded(tenant, destroyed, change));
    return destroyed;
  }

  @Override
  public void onKeyChange(Consumer<? super KeyChange> listener) {
    listeners.add(listener);
  }

  /** Binds a ciphertext to its tenant and request, so it cannot be read as another row. */
  private static byte[] associatedData(String tenant, String requestId) {
    return ("fulcrum/archive/" + tenant + "/" + requestId).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "RequestArchive[" + keys + "]";
  }
}
