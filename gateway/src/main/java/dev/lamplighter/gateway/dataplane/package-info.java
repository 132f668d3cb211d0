/**
 * The data-plane listener ({@code --data-port}, 8443): HTTPS with the server's TLS certificate,
 * routes by path. It serves the built-in file store's presigned downloads ({@code /files/…}) that
 * job documents point devices to; the tunnel relay and MQTT over WebSocket plug in as routes.
 */
package dev.lamplighter.gateway.dataplane;
