/**
 * The reserved {@code $aws/…} topics: one route table, a row per AWS feature, deciding what a
 * client's publish on a reserved topic does.
 */
package dev.lamplighter.gateway.topics;
