/** Implementations of the security services; not used outside this module. */
package dev.lamplighter.security.internal;
