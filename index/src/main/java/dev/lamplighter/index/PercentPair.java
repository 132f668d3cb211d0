package dev.lamplighter.index;

/** One percentile of GetPercentiles (AWS's PercentPair): the percent asked and its value. */
public record PercentPair(double percent, double value) {}
