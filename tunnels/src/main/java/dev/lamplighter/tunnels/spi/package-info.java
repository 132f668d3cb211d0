/** The persistence ports tunnels need, implemented by the store. */
package dev.lamplighter.tunnels.spi;
