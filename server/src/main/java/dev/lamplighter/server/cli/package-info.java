/**
 * The {@code lamplighter} command line: {@code server}, {@code accounts}, {@code files} and {@code
 * localproxy}. Every command's {@code --help} ends with runnable examples. This is the only code
 * that writes to standard output.
 */
package dev.lamplighter.server.cli;
