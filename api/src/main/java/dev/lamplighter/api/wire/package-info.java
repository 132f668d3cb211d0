/**
 * The model-driven wire format of the AWS APIs Lamplighter serves: the operation and shape
 * specifications derived from the AWS service models ({@link dev.lamplighter.api.wire.WireModel}),
 * URI templates and their matching ({@link dev.lamplighter.api.wire.UriTemplate}), the binding of
 * an HTTP request to an operation's input object with AWS's validation rules and messages ({@link
 * dev.lamplighter.api.wire.RequestDecoder}), and the edge's JSON configuration ({@link
 * dev.lamplighter.api.wire.WireJson}).
 *
 * <p>This package owns how bytes on the wire become a validated input tree and which error a client
 * sees when they cannot: {@code SerializationException} when the request cannot be read as the
 * model says, {@code InvalidRequestException} with AWS's "N validation errors detected" message
 * when it can be read but breaks a constraint. It knows no domain module and performs no writes;
 * routing, authentication and handlers live elsewhere in the api module.
 */
package dev.lamplighter.api.wire;
