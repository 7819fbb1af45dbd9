/**
 * Chat completion requests, responses and stream chunks in the OpenAI wire form.
 *
 * <p>Fulcrum interprets only what it needs (model, messages, stream) and keeps every other field,
 * so requests reach OpenAI-compatible upstreams unchanged and responses reach callers valid
 * against the official OpenAI spec. No type here prints message text in {@code toString()}.
 */
package dev.fulcrum.core.chat;
