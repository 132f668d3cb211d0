/** Randomness as an injected dependency, so tests can make ids predictable. */
package dev.lamplighter.core.random;
