/**
 * A generic MQTT 3.1.1 and 5 broker on Netty: {@link dev.lamplighter.broker.MqttBroker} starts a
 * listener and is the handle the rest of the server publishes through. It knows nothing of things,
 * certificates or policies; whoever embeds it decides authentication, authorization, reserved
 * topics and lifecycle reactions through {@link dev.lamplighter.broker.extension}.
 */
package dev.lamplighter.broker;
