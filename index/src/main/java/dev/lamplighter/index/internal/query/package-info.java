/**
 * From fleet index documents and AWS query strings to Lucene: which fields an index has, how things
 * and thing groups become Lucene documents, the AWS query language (query version 2017-09-30),
 * aggregations over doc values, and matching one document against a query in memory.
 */
package dev.lamplighter.index.internal.query;
