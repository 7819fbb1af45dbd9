/**
 * The adapter for OpenAI-compatible HTTP upstreams: OpenAI, Nebius AI Studio, vLLM, Ollama,
 * llama.cpp server. Requests pass through with only {@code model} rewritten; responses are
 * normalized to the OpenAI spec; streams are proxied chunk by chunk with backpressure.
 */
package dev.fulcrum.inference.openai;
