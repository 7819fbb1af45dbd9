/** Embeddings requests and responses in the OpenAI wire form (float and base64 encodings). */
package dev.fulcrum.core.embedding;
