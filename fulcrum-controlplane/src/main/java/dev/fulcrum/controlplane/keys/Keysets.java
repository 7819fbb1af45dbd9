package dev.fulcrum.controlplane.keys;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.jwt.JwtSignatureConfig;
import com.google.crypto.tink.signature.SignatureConfig;
import java.security.GeneralSecurityException;

/** Small helpers over Tink keysets shared by audit, tokens and tenant keys. Thread-safe. */
public final class Keysets {
  private Keysets() {}

  static {
    try {
      AeadConfig.register();
      SignatureConfig.register();
      JwtSignatureConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * Makes sure Tink knows every key type Fulcrum uses before a keyset is parsed; without it a
   * stored keyset parses into opaque legacy parameters. Idempotent; class initialization does
   * the work.
   */
  static void register() {}

  /**
   * The primitive ({@code Aead}, {@code PublicKeySign}, {@code JwtPublicKeyVerify}, …) of
   * {@code keyset}.
   *
   * @throws KeysetException when the keyset holds no key for that primitive
   */
  public static <P> P primitive(KeysetHandle keyset, Class<P> type) {
    try {
      return keyset.getPrimitive(RegistryConfiguration.get(), type);
    } catch (GeneralSecurityException e) {
      throw new KeysetException("keyset does not provide " + type.getSimpleName(), e);
    }
  }

  /**
   * The public half of an asymmetric keyset in Tink's JSON keyset format: safe to publish, enough
   * to verify signatures offline.
   *
   * @throws KeysetException when {@code keyset} is not asymmetric
   */
  public static String publicKeysetJson(KeysetHandle keyset) {
    try {
      return TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(
          keyset.getPublicKeysetHandle());
    } catch (GeneralSecurityException e) {
      throw new KeysetException("keyset has no public half to export", e);
    }
  }

  /**
   * Reads a keyset exported by {@link #publicKeysetJson}.
   *
   * @throws KeysetException when {@code json} is not a public keyset
   */
  public static KeysetHandle parsePublicKeyset(String json) {
    try {
      return TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(json);
    } catch (GeneralSecurityException e) {
      throw new KeysetException("not a public Tink keyset", e);
    }
  }

  static KeysetHandle generate(Parameters parameters) {
    try {
      return KeysetHandle.generateNew(parameters);
    } catch (GeneralSecurityException e) {
      throw new KeysetException("cannot generate a keyset for " + parameters, e);
    }
  }

  /** Refuses a keyset whose primary key was made for other parameters than the caller needs. */
  static KeysetHandle requireKind(KeysetHandle keyset, Parameters parameters, String where) {
    Parameters actual = keyset.getPrimary().getKey().getParameters();
    if (!actual.getClass().equals(parameters.getClass())) {
      throw new KeysetException("keyset " + where + " holds " + actual.getClass().getSimpleName()
          + " keys but " + parameters.getClass().getSimpleName() + " keys are needed; point the "
          + "configuration at the right file or remove it to generate a new one", null);
    }
    return keyset;
  }
}
