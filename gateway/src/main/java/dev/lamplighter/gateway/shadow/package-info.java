/**
 * The Device Shadow service for devices over MQTT: the reserved-topic requests ({@code
 * $aws/things/{thingName}/shadow/…} and {@code …/shadow/name/{shadowName}/…}) and the messages
 * published from the change log ({@code update/accepted}, {@code update/delta}, {@code
 * update/documents}, {@code delete/accepted}).
 */
package dev.lamplighter.gateway.shadow;
