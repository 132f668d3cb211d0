package dev.lamplighter.index;

/**
 * GetStatistics' answer (AWS's Statistics). For a string or boolean field only {@code count} is
 * set; the others are null. With no matching values, {@code count} is 0 and the others null.
 */
public record Statistics(
    long count,
    Double average,
    Double sum,
    Double minimum,
    Double maximum,
    Double sumOfSquares,
    Double variance,
    Double stdDeviation) {}
