package dev.fulcrum.controlplane.audit;

import dev.fulcrum.controlplane.audit.Finding.Kind;
import dev.fulcrum.controlplane.store.Database;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The checks on one event row, in the order that blames the right row:
 * <ol>
 *   <li>its position follows the previous one (else {@code DELETED});
 *   <li>{@code SHA-256(prev_hash || body) = hash} (else {@code MODIFIED}: changed in place);
 *   <li>the body is a canonical event (else {@code MODIFIED}: rewritten with a new hash);
 *   <li>the body was written for this position (else {@code INSERTED}, {@code REORDERED} or
 *       {@code DELETED}, told apart by looking at the rows involved);
 *   <li>the query columns agree with the body (else {@code MODIFIED});
 *   <li>{@code prev_hash} equals the previous row's hash (else the previous event was rewritten
 *       with a recomputed hash: {@code MODIFIED} there).
 * </ol>
 */
final class RowChecks {
  private static final int PAGE = 1000;

  private final Database db;

  RowChecks(Database db) {
    this.db = db;
  }

  Optional<Finding> check(StoredRow row, long expected, Sha256 previousHash) {
    if (row.seq() != expected) {
      return found(Kind.DELETED, expected, missing(expected, row.seq() - 1)
          + ": the sequence jumps from " + (expected - 1) + " to " + row.seq());
    }
    if (!selfConsistent(row)) {
      return found(Kind.MODIFIED, row.seq(), "its stored content no longer matches its hash: "
          + "it was changed after it was written");
    }
    AuditCodec.Decoded decoded;
    try {
      decoded = AuditCodec.decode(row.body());
    } catch (RuntimeException e) {
      return found(Kind.MODIFIED, row.seq(), "it hashes correctly but is not a valid event ("
          + e.getMessage() + "): it was rewritten with a recomputed hash");
    }
    if (decoded.sequence() != row.seq()) {
      return Optional.of(misplaced(row, decoded.sequence()));
    }
    Optional<String> column = disagreeingColumn(row, row.expected(decoded));
    if (column.isPresent()) {
      return found(Kind.MODIFIED, row.seq(), "column " + column.get() + " disagrees with the "
          + "hashed event: the column was changed after it was written");
    }
    if (!row.prevHash().equals(previousHash.hex())) {
      return row.seq() == 1
          ? found(Kind.MODIFIED, 1, "it does not start the chain (its previous hash is not zero)")
          : found(Kind.MODIFIED, row.seq() - 1, "event " + (row.seq() - 1) + " was rewritten "
              + "with a recomputed hash: event " + row.seq() + " recorded a different hash "
              + "for it");
    }
    return Optional.empty();
  }

  /** A self-consistent event sits at position {@code row.seq} but was written for {@code at}. */
  private Finding misplaced(StoredRow row, long writtenFor) {
    long position = row.seq();
    if (writtenFor < position) {
      Optional<StoredRow> original = read(c -> AuditTable.at(c, writtenFor));
      if (original.isPresent() && original.get().hash().equals(row.hash())) {
        return new Finding(Kind.INSERTED, position, "it is a copy of event " + writtenFor
            + " (replayed)");
      }
      return new Finding(Kind.INSERTED, writtenFor, (position - writtenFor == 1 ? "event "
          + writtenFor + " was" : "events " + writtenFor + ".." + (position - 1) + " were")
          + " inserted: the event written as " + writtenFor + " now sits at position "
          + position);
    }
    OptionalLong displaced = positionOf(position, position + 1);
    if (displaced.isPresent()) {
      return new Finding(Kind.REORDERED, position, "position " + position + " holds event "
          + writtenFor + " and event " + position + " sits at position "
          + displaced.getAsLong() + ": rows were reordered");
    }
    return new Finding(Kind.DELETED, position, missing(position, writtenFor - 1)
        + " and later events were renumbered to hide the gap");
  }

  /** Where the event written for {@code sequence} sits, scanning from {@code from} on. */
  private OptionalLong positionOf(long sequence, long from) {
    for (long after = from - 1; ; ) {
      long cursor = after;
      List<StoredRow> rows = read(c -> AuditTable.after(c, cursor, PAGE));
      if (rows.isEmpty()) {
        return OptionalLong.empty();
      }
      for (StoredRow candidate : rows) {
        try {
          if (AuditCodec.decode(candidate.body()).sequence() == sequence) {
            return OptionalLong.of(candidate.seq());
          }
        } catch (RuntimeException unreadable) {
          // not the one we are looking for
        }
      }
      after = rows.getLast().seq();
    }
  }

  private static boolean selfConsistent(StoredRow row) {
    try {
      return AuditCodec.chain(new Sha256(row.prevHash()), row.body()).hex().equals(row.hash());
    } catch (RuntimeException malformed) {
      return false;
    }
  }

  private static Optional<String> disagreeingColumn(StoredRow stored, StoredRow expected) {
    if (stored.ts() != expected.ts()) {
      return Optional.of("ts");
    }
    if (!stored.type().equals(expected.type())) {
      return Optional.of("event_type");
    }
    if (!Objects.equals(stored.tenant(), expected.tenant())) {
      return Optional.of("tenant");
    }
    if (!Objects.equals(stored.requestId(), expected.requestId())) {
      return Optional.of("request_id");
    }
    if (!Objects.equals(stored.modelVersion(), expected.modelVersion())) {
      return Optional.of("model_version");
    }
    return Optional.empty();
  }

  private static String missing(long first, long last) {
    return first == last ? "event " + first + " is missing"
        : "events " + first + ".." + last + " are missing";
  }

  private static Optional<Finding> found(Kind kind, long sequence, String detail) {
    return Optional.of(new Finding(kind, sequence, detail));
  }

  private <T> T read(Database.Work<T> work) {
    return db.transaction(work);
  }
}
