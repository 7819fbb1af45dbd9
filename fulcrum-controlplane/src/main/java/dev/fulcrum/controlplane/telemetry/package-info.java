/**
 * Opt-in, differentially private usage telemetry: per feature and day, the sum of requests and
 * of tokens over the tenants that consented, each tenant's contribution clamped, released with
 * Laplace or Gaussian noise, under a persisted privacy budget.
 *
 * <p><b>Privacy unit.</b> Neighbouring datasets differ in one tenant's whole usage of one day
 * (added or removed). Clamping bounds that tenant's effect on each sum to the configured bound,
 * which is therefore the sensitivity (L1 and L2 alike, one value per statistic).
 *
 * <p><b>Mechanisms.</b> A release publishes two statistics and splits its (ε, δ) evenly between
 * them (basic composition): Laplace noise of scale {@code b = Δ / (ε/2)}; Gaussian noise of
 * standard deviation {@code σ = Δ · sqrt(2 ln(1.25 / (δ/2))) / (ε/2)}, the classical bound, valid
 * for {@code ε/2 < 1}. Values are rounded to whole numbers after the noise is added
 * (post-processing, so still private); the rounding also removes the low-order bits that the
 * floating-point attack on naive Laplace sampling (Mironov, CCS 2012) exploits, though it is a
 * mitigation rather than a proof — a snapping mechanism would be the rigorous fix.
 *
 * <p><b>Accounting.</b> Basic (sequential) composition per day: every release that uses a day's
 * data adds its ε and δ to that day's ledger, kept in the database with exact decimal
 * arithmetic; a release that would exceed the day's budget is refused before any noise is drawn,
 * and the spend is committed before the release is returned, so a crash can waste budget but
 * never overspend it. Different days hold different data, so their budgets are independent; a
 * tenant's privacy loss over many days adds up day by day.
 */
package dev.fulcrum.controlplane.telemetry;
