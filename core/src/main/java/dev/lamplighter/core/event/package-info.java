/**
 * The change log: every write transaction appends what it changed, in commit order, so that derived
 * state (the fleet index, dynamic groups, events) can follow and catch up after a crash.
 */
package dev.lamplighter.core.event;
