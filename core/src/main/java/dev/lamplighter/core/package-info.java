/**
 * Shared vocabulary of every Lamplighter module: nothing in here knows about HTTP, SQL or MQTT.
 *
 * <p>Sub-packages own tenancy ids, ARNs, the error catalogue, pagination, transactions, change
 * records, randomness and configuration primitives.
 */
package dev.lamplighter.core;
