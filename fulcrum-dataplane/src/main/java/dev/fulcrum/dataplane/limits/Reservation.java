package dev.fulcrum.dataplane.limits;

/** Tokens taken from a tenant's bucket on a request's estimate, corrected when it ends. */
record Reservation(Quota quota, long tokens) {}
