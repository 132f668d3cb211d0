/**
 * Amazon Resource Names as AWS IoT builds them: {@code
 * arn:aws:iot:{region}:{account}:{type}/{name}}.
 */
package dev.lamplighter.core.arn;
