package dev.lamplighter.broker.extension;

/**
 * Who a transport the embedder runs itself (such as a signed WebSocket upgrade) established the
 * client to be, before the first MQTT byte. The broker carries it, unread, from {@link
 * dev.lamplighter.broker.MqttBroker#serve} to the {@link Authenticator} in {@link
 * ConnectRequest#transportIdentity()}; what it means is the embedder's business.
 */
public interface TransportIdentity {}
