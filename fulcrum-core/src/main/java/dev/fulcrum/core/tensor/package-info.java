/**
 * Tensors and the models that consume them, in the shape of the Open Inference Protocol v2
 * (KServe v2 / Triton): {@link dev.fulcrum.core.tensor.Tensor} values with a
 * {@link dev.fulcrum.core.tensor.DataType} and a row-major {@link dev.fulcrum.core.tensor.Shape},
 * {@link dev.fulcrum.core.tensor.TensorRequest}/{@link dev.fulcrum.core.tensor.TensorResponse}
 * for one inference, and {@link dev.fulcrum.core.tensor.ModelMetadata} describing what a model
 * accepts. Values validate on construction and never print their data.
 */
package dev.fulcrum.core.tensor;
