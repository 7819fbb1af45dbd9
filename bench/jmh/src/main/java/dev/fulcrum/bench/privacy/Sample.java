package dev.fulcrum.bench.privacy;

import java.util.List;

/** One evaluation text and its gold spans (already mapped to evaluation labels). */
record Sample(String text, List<Span> gold) {
  Sample {
    gold = List.copyOf(gold);
  }
}
