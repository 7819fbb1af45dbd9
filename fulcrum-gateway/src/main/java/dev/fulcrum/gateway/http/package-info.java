/**
 * The HTTP edge: the OpenAI-compatible API, the Open Inference Protocol v2 (KServe, Triton)
 * endpoints, health endpoints, authentication, and the single place where failures become error
 * responses (OpenAI-shaped, or v2-shaped on {@code /v2}). One small service per resource.
 */
package dev.fulcrum.gateway.http;
