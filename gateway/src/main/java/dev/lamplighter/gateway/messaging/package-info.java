/**
 * The {@link dev.lamplighter.core.messaging.DeviceMessaging} port over the broker: iot-data's
 * Publish with AWS's validation, retained messages, DeleteConnection.
 */
package dev.lamplighter.gateway.messaging;
