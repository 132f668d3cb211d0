/** AWS IoT's lifecycle events (presence and subscriptions), published on {@code $aws/events/…}. */
package dev.lamplighter.gateway.events;
