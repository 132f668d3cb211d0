/**
 * IoT policies, their versions and attachments, effective policies and authorization tests: the
 * public API of the AWS IoT policy operations. The policy language itself is in {@code
 * dev.lamplighter.security.policy}.
 */
package dev.lamplighter.security.authorization;
