/**
 * The {@code lamplighter} command line: {@code server} and {@code accounts}. Every command's {@code
 * --help} ends with runnable examples. This is the only code that writes to standard output.
 */
package dev.lamplighter.server.cli;
