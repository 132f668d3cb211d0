/** The tunnel service's implementation: tokens, lifetimes and admission rules. */
package dev.lamplighter.tunnels.internal;
