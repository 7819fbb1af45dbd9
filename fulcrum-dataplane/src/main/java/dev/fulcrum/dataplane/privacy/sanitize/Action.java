package dev.fulcrum.dataplane.privacy.sanitize;

/** What the sanitizer does with an entity of some type. */
public enum Action {
  /** Replace with the type name: {@code [EMAIL_ADDRESS]}. Irreversible. */
  REDACT,
  /** Replace with a type-aware partial mask, such as {@code ****-****-****-1234}. */
  MASK,
  /**
   * Replace with a stable keyed hash, {@code <EMAIL_ADDRESS:3f9a1c2b7d4e>} (HMAC-SHA256 under the
   * tenant's key, first 48 bits): equal values give equal tokens, but only the key holder can
   * link a token to a guess.
   */
  HASH,
  /**
   * Replace with a numbered placeholder, {@code <PERSON_1>}, remembered in the request's
   * {@link Vault} so the answer can be rehydrated.
   */
  PSEUDONYMIZE,
  /** Leave as it is. */
  ALLOW
}
