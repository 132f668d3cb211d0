/**
 * MQTT over WebSocket on the data-plane port ({@code GET /mqtt}), as AWS IoT Core serves browser
 * apps and devices signed with SigV4: the upgrade is checked and its query-string signature
 * (service {@code iotdevicegateway}) verified through {@link
 * dev.lamplighter.gateway.websocket.UpgradeSignatures}, which the server implements with the API's
 * verifier; the connection then carries MQTT's bytes in binary frames to the same broker as the TLS
 * listener, authenticated as the access key's account and region. Public surface: {@link
 * dev.lamplighter.gateway.websocket.UpgradeSignatures}, {@link
 * dev.lamplighter.gateway.websocket.UpgradeRequest}, {@link
 * dev.lamplighter.gateway.websocket.SignedCaller}; the route is built by {@link
 * dev.lamplighter.gateway.Gateway#mqttOverWebSocket}.
 */
package dev.lamplighter.gateway.websocket;
