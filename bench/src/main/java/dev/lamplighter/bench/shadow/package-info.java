/**
 * The shadow suite ({@code bench/run shadow}): devices updating their classic shadows over MQTT
 * against the broker's plain QoS 1 round trip through the same devices, and how soon a shadow
 * update is searchable in the fleet index. The HTTP GetThingShadow against DescribeThing comparison
 * runs through the load generator ({@code load.LoadGenerator}).
 */
package dev.lamplighter.bench.shadow;
