/**
 * A malformed-packet fuzzer for the MQTT listener, shared by the broker's short fuzz test and the
 * longer {@code bench/run fuzz}: a corpus of valid MQTT 3.1.1 and 5 sessions ({@link
 * dev.lamplighter.broker.fuzz.MqttCorpus}), a seeded mutator ({@link
 * dev.lamplighter.broker.fuzz.MqttMutator}), the driver that sends mutated sessions over plain TCP
 * from several sockets ({@link dev.lamplighter.broker.fuzz.BrokerFuzzer}), a well-behaved client
 * that keeps round-tripping QoS 1 messages meanwhile ({@link
 * dev.lamplighter.broker.fuzz.GoodClient}), and the watch on the broker's log for leaks and
 * exceptions that escaped the pipeline ({@link dev.lamplighter.broker.fuzz.PipelineWatch}).
 */
package dev.lamplighter.broker.fuzz;
