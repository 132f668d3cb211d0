/**
 * Device certificates, registered CA certificates, registration codes and transfers between
 * accounts: the public API of the AWS IoT certificate operations.
 */
package dev.lamplighter.security.certificates;
