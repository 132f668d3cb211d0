/**
 * The {@code IoTSecuredTunneling} service (AWS JSON 1.1): tunnels opened, described, listed,
 * closed, tagged and their access tokens rotated, with the destination device told of its token
 * over MQTT.
 */
package dev.lamplighter.api.tunneling;
