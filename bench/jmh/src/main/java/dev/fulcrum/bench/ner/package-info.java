/** Benchmarks of the NER recognizer ({@code bench/jmh/run.sh Ner}). */
package dev.fulcrum.bench.ner;
