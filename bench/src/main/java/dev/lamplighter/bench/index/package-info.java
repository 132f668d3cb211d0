/**
 * The fleet-index suite of {@code bench/run index}: a {@link dev.lamplighter.bench.index.FleetPlan
 * plan} of street lights with realistic attributes (pure arithmetic on their numbers), and the
 * steps that seed it through the API, watch a restarted server rebuild its index, time SearchIndex
 * through the API and the same queries on plain Lucene over the index directory, and measure how
 * soon an update is searchable and moves a thing into and out of a dynamic group. The raw Lucene
 * side reads only the index's field layout, never the server's index code.
 */
package dev.lamplighter.bench.index;
