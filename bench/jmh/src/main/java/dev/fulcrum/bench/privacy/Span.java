package dev.fulcrum.bench.privacy;

/** A labelled character span {@code [start, end)}; the type is an evaluation label. */
record Span(String type, int start, int end) {

  boolean overlaps(int s, int e) {
    return start < e && s < end;
  }

  /** Intersection over union of the two character ranges. */
  double iou(Span other) {
    int inter = Math.min(end, other.end) - Math.max(start, other.start);
    if (inter <= 0) {
      return 0;
    }
    int union = Math.max(end, other.end) - Math.min(start, other.start);
    return inter / (double) union;
  }
}
