/**
 * The fleet index: AWS IoT fleet indexing over Lucene. Documents for things and thing groups, the
 * AWS query language, search, aggregations, and the membership of dynamic thing groups, all derived
 * from the store's change log.
 */
package dev.lamplighter.index;
