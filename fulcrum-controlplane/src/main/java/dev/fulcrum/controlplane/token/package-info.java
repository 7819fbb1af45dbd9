/**
 * Short-lived signed tokens for agents and services ({@code POST /v1/tokens}): issued for one
 * tenant, one audience and a set of scopes, valid for at most five minutes, and verified into a
 * typed result that says exactly why a token is refused.
 *
 * <p>Tokens are JWTs signed with ES256 (ECDSA P-256, SHA-256) through Tink. ES256 rather than
 * HS256 because verifiers need only the public key ({@link
 * dev.fulcrum.controlplane.token.TokenService#publicJwkSet()}), so a replica or a downstream
 * service can check tokens without being able to mint them; rather than RS256 because signatures
 * and keys are an order of magnitude smaller and signing is faster; and rather than EdDSA because
 * Tink's JWT API does not offer it, while ES256 is the asymmetric algorithm every JOSE library
 * verifies. Token strings never appear in messages, logs or {@code toString()}.
 */
package dev.fulcrum.controlplane.token;
