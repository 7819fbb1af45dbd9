/**
 * The adapter for Open Inference Protocol v2 servers over HTTP (KServe, Triton Inference
 * Server): readiness, model metadata (read once per model and cached), and inference with
 * JSON tensors — BOOL, the INT and UINT types, FP16/FP32/FP64 and BYTES (as UTF-8 text);
 * the binary tensor extension is not used. It serves raw tensors
 * ({@link dev.fulcrum.core.backend.TensorBackend}) and text embeddings
 * ({@link dev.fulcrum.core.backend.EmbeddingBackend}) from models that take a BYTES tensor of
 * texts and return an FP32 {@code [n, d]} tensor.
 */
package dev.fulcrum.inference.kserve;
