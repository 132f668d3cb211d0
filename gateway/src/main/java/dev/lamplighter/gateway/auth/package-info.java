/**
 * Certificate authentication and IoT policy authorization of MQTT connections: who may connect (a
 * registered, ACTIVE, trusted certificate whose policies allow iot:Connect), what each connection
 * may publish, subscribe to and receive (cached per connection), and keeping that current as the
 * registry changes, by following the change log.
 */
package dev.lamplighter.gateway.auth;
