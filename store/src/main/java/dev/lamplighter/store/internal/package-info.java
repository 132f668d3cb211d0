/**
 * The store's implementation: connection handling per dialect, transactions bound to the calling
 * thread, the SQL of every repository, the change log, and the one place that turns SQL errors into
 * domain errors. Not used outside this module.
 */
package dev.lamplighter.store.internal;
