package dev.fulcrum.controlplane.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * The key-encryption key (KEK) that wraps every tenant's data-encryption keys.
 *
 * <p>The default keeps an AES-256-GCM keyset in a local file ({@link #localKeyset}). A cloud KMS
 * plugs in by returning the KMS-backed {@link Aead}, for example Tink's {@code KmsClient
 * .getAead(keyUri)} from {@code tink-gcpkms} or {@code tink-awskms}: wrapping and unwrapping then
 * happen inside the KMS and the KEK never enters this process.
 *
 * <p>Implementations are thread-safe; the returned {@link Aead} is used concurrently.
 */
@FunctionalInterface
public interface KekProvider {

  /**
   * The AEAD that wraps and unwraps data-encryption keys.
   *
   * @throws KeysetException when the KEK is unavailable
   */
  Aead kek();

  /** A KEK kept as an AES-256-GCM keyset in {@code source}, generated on first use. */
  static KekProvider localKeyset(KeysetSource source) {
    Aead aead = Keysets.primitive(source.loadOrGenerate(PredefinedAeadParameters.AES256_GCM),
        Aead.class);
    return () -> aead;
  }
}
