/** The transaction boundary domain services write through; the store implements it. */
package dev.lamplighter.core.tx;
