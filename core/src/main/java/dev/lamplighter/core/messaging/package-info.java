/**
 * The device-messaging port the HTTP side of the data plane ({@code iot-data}) uses: publish to
 * devices, read retained messages, end connections. The MQTT gateway implements it; the API sees
 * only this package, never the broker.
 */
package dev.lamplighter.core.messaging;
