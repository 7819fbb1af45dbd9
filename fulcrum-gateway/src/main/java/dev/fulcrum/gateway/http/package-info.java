/**
 * The HTTP edge: the OpenAI-compatible API, health endpoints, authentication, and the single
 * place where failures become OpenAI-shaped error responses. One small service per resource.
 */
package dev.fulcrum.gateway.http;
