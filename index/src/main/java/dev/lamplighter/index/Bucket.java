package dev.lamplighter.index;

/** One bucket of GetBucketsAggregation (AWS's Bucket): a value and how many things have it. */
public record Bucket(String keyValue, long count) {}
