/**
 * Paging. Domain services page with plain cursors; the API edge wraps a cursor in an opaque,
 * tamper-evident token bound to the operation, caller and filter that produced it.
 */
package dev.lamplighter.core.page;
