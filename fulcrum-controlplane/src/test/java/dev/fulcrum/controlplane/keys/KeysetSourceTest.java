package dev.fulcrum.controlplane.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysetSourceTest {
  private static final byte[] MESSAGE = "checkpoint 1".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path temp;

  @Test
  void generatesAKeysetFileOnFirstUseAndReadsTheSameKeysAfterwards() throws Exception {
    Path file = temp.resolve("keys/audit-signing.json");

    KeysetHandle first = KeysetSource.file(file).loadOrGenerate(
        PredefinedSignatureParameters.ED25519);
    byte[] signature = Keysets.primitive(first, PublicKeySign.class).sign(MESSAGE);
    KeysetHandle reopened = KeysetSource.file(file).loadOrGenerate(
        PredefinedSignatureParameters.ED25519);

    assertThat(file).exists();
    Keysets.primitive(reopened.getPublicKeysetHandle(), PublicKeyVerify.class)
        .verify(signature, MESSAGE);
  }

  @Test
  void keepsTheKeysetFileReadableByItsOwnerOnly() throws Exception {
    Path file = temp.resolve("kek.json");
    KeysetSource.file(file).loadOrGenerate(PredefinedAeadParameters.AES256_GCM);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void exportsAPublicKeysetThatVerifiesWithoutTheSecret() throws Exception {
    KeysetHandle keyset = KeysetSource.inMemory().loadOrGenerate(
        PredefinedSignatureParameters.ED25519);
    byte[] signature = Keysets.primitive(keyset, PublicKeySign.class).sign(MESSAGE);

    String exported = Keysets.publicKeysetJson(keyset);
    KeysetHandle published = Keysets.parsePublicKeyset(exported);

    Keysets.primitive(published, PublicKeyVerify.class).verify(signature, MESSAGE);
    assertThat(exported).doesNotContain("PRIVATE");
  }

  @Test
  void refusesAKeysetOfAnotherKind() {
    Path file = temp.resolve("kek.json");
    KeysetSource.file(file).loadOrGenerate(PredefinedAeadParameters.AES256_GCM);

    assertThatThrownBy(() -> KeysetSource.file(file).loadOrGenerate(
        PredefinedSignatureParameters.ED25519))
        .isInstanceOf(KeysetException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("AesGcmParameters keys but Ed25519Parameters keys are needed");
  }

  @Test
  void namesTheFileWhenItIsCorruptWithoutEchoingItsContent() throws Exception {
    Path file = temp.resolve("broken.json");
    Files.writeString(file, "{\"primaryKeyId\": 42, \"secret\": \"s3cr3t\"");

    assertThatThrownBy(() -> KeysetSource.file(file).loadOrGenerate(
        PredefinedAeadParameters.AES256_GCM))
        .isInstanceOf(KeysetException.class)
        .hasMessageContaining(file.toString())
        .hasMessageNotContaining("s3cr3t");
  }
}
