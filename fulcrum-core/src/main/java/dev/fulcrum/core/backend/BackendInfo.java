package dev.fulcrum.core.backend;

import java.util.Objects;

/**
 * What a backend is, as data.
 *
 * @param name the operator's name for it ({@code backends[].name})
 * @param kind the adapter ({@code openai}, {@code local}, {@code simulated}, …)
 * @param placement where it runs
 * @param simulated true for the demo/test backend that fabricates answers; such backends are
 *     labelled in every response and in {@code /v1/models}
 * @param batches whether requests to it benefit from being batched
 */
public record BackendInfo(String name, String kind, Placement placement, boolean simulated,
    boolean batches) {
  public BackendInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(placement, "placement");
  }
}
