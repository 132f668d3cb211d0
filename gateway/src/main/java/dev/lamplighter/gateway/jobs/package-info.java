/**
 * AWS IoT Jobs for devices over MQTT: the reserved-topic operations ({@code
 * $aws/things/{thingName}/jobs/…}) with AWS's JSON, and the {@code notify}/{@code notify-next}
 * notifications published from the change log.
 */
package dev.lamplighter.gateway.jobs;
