/**
 * The {@code iot-data} service (AWS IoT data plane over HTTP, signed as {@code iotdata}): the route
 * table naming each operation, the handlers, and the wire records with their mappers to and from
 * the {@link dev.lamplighter.core.messaging.DeviceMessaging} port.
 */
package dev.lamplighter.api.iotdata;
