package dev.fulcrum.controlplane.keys;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * A cleartext JSON keyset in a local file. Cleartext on disk is the embedded default's trade-off:
 * the file is as sensitive as the database password, kept {@code 0600}; deployments that need
 * more plug a secret manager in behind {@link KeysetSource}.
 */
final class FileKeysetSource implements KeysetSource {
  private final Path path;

  FileKeysetSource(Path path) {
    this.path = Objects.requireNonNull(path, "path").toAbsolutePath();
  }

  @Override
  public synchronized KeysetHandle loadOrGenerate(Parameters parameters) {
    Keysets.register();
    if (!Files.exists(path)) {
      create(parameters);
    }
    return Keysets.requireKind(read(), parameters, path.toString());
  }

  private KeysetHandle read() {
    try {
      String json = Files.readString(path, StandardCharsets.UTF_8);
      return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    } catch (IOException | GeneralSecurityException e) {
      throw new KeysetException("cannot read the keyset file " + path + " (" + e.getClass()
          .getSimpleName() + "); restore it from backup, or remove it to generate new keys", e);
    }
  }

  private void create(Parameters parameters) {
    KeysetHandle keyset = Keysets.generate(parameters);
    Path temp = null;
    try {
      Files.createDirectories(path.getParent());
      temp = Files.createTempFile(path.getParent(), ".keyset-", ".tmp");
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(temp, TinkJsonProtoKeysetFormat.serializeKeyset(keyset,
          InsecureSecretKeyAccess.get()), StandardCharsets.UTF_8);
      // without REPLACE_EXISTING: if another process won the race, keep its keys
      Files.move(temp, path);
    } catch (FileAlreadyExistsException e) {
      // another process created it first; read theirs
    } catch (IOException | GeneralSecurityException e) {
      throw new KeysetException("cannot write a new keyset to " + path + " ("
          + e.getClass().getSimpleName() + ")", e);
    } finally {
      deleteQuietly(temp);
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp != null) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // a leftover temporary file holds no more than the keyset itself and is 0600
      }
    }
  }

  @Override
  public String toString() {
    return "KeysetSource[" + path + "]";
  }
}
