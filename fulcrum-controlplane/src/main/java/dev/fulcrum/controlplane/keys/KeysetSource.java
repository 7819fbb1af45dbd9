package dev.fulcrum.controlplane.keys;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import java.nio.file.Path;

/**
 * Where one Tink keyset lives: the audit signing key, the token signing key, the local
 * key-encryption key. The first {@link #loadOrGenerate} creates the keyset when none exists, so a
 * fresh install needs no set-up step; later calls return the same keys.
 *
 * <p>Implementations are thread-safe. A cloud secret manager can implement this interface; the
 * local default is {@link #file(Path)}.
 */
public interface KeysetSource {

  /**
   * The keyset, generated with {@code parameters} and persisted first when there is none yet.
   *
   * @param parameters what to generate when absent, e.g. {@code PredefinedSignatureParameters
   *     .ED25519}; an existing keyset whose primary key has other parameters is refused
   * @throws KeysetException when the keyset cannot be read or written, or holds another kind of
   *     key
   */
  KeysetHandle loadOrGenerate(Parameters parameters);

  /**
   * A keyset kept in a local JSON file (Tink's JSON keyset format, cleartext, file mode
   * {@code 0600} where the file system supports it). Generation writes a temporary file and
   * renames it, so a crash never leaves half a keyset, and two processes starting at once end up
   * with the same keys.
   */
  static KeysetSource file(Path path) {
    return new FileKeysetSource(path);
  }

  /** A keyset held only in memory, lost when the process ends: for tests and demos. */
  static KeysetSource inMemory() {
    return new MemoryKeysetSource();
  }
}
