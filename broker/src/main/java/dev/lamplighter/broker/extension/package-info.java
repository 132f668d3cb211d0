/**
 * What an embedder plugs into the broker: an {@link dev.lamplighter.broker.extension.Authenticator}
 * that accepts or refuses each connection and returns its {@link
 * dev.lamplighter.broker.extension.ConnectionAuthority}, the {@link
 * dev.lamplighter.broker.extension.ReservedTopics} the broker routes to handlers instead of
 * subscribers, and a {@link dev.lamplighter.broker.extension.LifecycleListener}.
 *
 * <p>Every connection belongs to a namespace, chosen by the authenticator: topics, retained
 * messages, sessions and client ids of one namespace never meet those of another.
 */
package dev.lamplighter.broker.extension;
