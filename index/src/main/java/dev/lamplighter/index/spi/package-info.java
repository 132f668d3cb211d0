/** Persistence ports of the fleet index: the store implements them. */
package dev.lamplighter.index.spi;
