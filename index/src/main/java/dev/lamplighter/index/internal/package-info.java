/**
 * The fleet index's implementation: the Lucene indexes on disk, the feed that keeps them in step
 * with the change log, search and aggregation over them, and dynamic group membership.
 */
package dev.lamplighter.index.internal;
