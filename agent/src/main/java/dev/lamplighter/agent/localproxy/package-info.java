/**
 * {@code lamplighter localproxy}: a local proxy for AWS IoT secure tunneling, compatible with AWS's
 * {@code aws-iot-securetunneling-localproxy} v3. It connects to a tunnel relay over TLS and
 * WebSocket in source mode (listens on local ports and carries each accepted TCP connection through
 * the tunnel) or in destination mode (connects to local services when the source asks).
 *
 * <p>Entry points: {@link dev.lamplighter.agent.localproxy.LocalProxyOptions} (the command line's
 * options, turned into a {@link dev.lamplighter.agent.localproxy.LocalProxyConfig}) and {@link
 * dev.lamplighter.agent.localproxy.LocalProxy#start}. Everything else is implementation. The wire
 * format comes from {@code dev.lamplighter.relay.protocol}.
 */
package dev.lamplighter.agent.localproxy;
