/** Implementations of the registry services; not used outside this module. */
package dev.lamplighter.registry.internal;
