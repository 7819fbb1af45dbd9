/**
 * Cost per call of the local prompt classifier: embedding plus classification, by prompt length.
 * Run with {@code bench/jmh/run.sh Classifier -f 1 -wi 3 -i 5}; results in
 * {@code bench/results/classifier.md}.
 */
package dev.fulcrum.bench.classify;
