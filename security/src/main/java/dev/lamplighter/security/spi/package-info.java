/** Persistence ports of the security module, implemented by the store. */
package dev.lamplighter.security.spi;
