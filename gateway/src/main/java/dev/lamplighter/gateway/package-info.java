/**
 * AWS IoT semantics on the generic broker: certificate authentication from the registry, IoT policy
 * checks per connection, the reserved {@code $aws/…} topic table, lifecycle events, and the {@link
 * dev.lamplighter.core.messaging.DeviceMessaging} port for the HTTP data plane.
 */
package dev.lamplighter.gateway;
