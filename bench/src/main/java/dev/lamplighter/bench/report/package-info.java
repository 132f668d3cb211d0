/**
 * The report of a bench run: reads the raw {@code key=value} lines the run collected (start-up
 * measurements, the load generator's result lines) and prints the table with each target and
 * whether it was met. It reports; it never fails a run.
 */
package dev.lamplighter.bench.report;
