/**
 * The Lamplighter server process: it opens the data directory and the store, builds the domain
 * services, starts the listeners and stops them gracefully on SIGTERM.
 */
package dev.lamplighter.server;
