/**
 * The broker suite behind {@code bench/run broker}: Lamplighter's MQTT broker against Mosquitto on
 * the same machine. {@link BrokerSetup} prepares each broker's TLS material (the policy and
 * certificates of Lamplighter through the AWS SDK; a CA, a server certificate and Mosquitto's
 * configuration), {@link BrokerBench} drives one scenario against one broker with the HiveMQ MQTT
 * client and prints one {@code broker key=value …} result line.
 */
package dev.lamplighter.bench.broker;
