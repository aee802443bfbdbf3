/**
 * The one contract every long wait in core follows (deployments, one-off task runs, scan waits): {@code start}
 * validates and returns a small serializable handle, {@code poll} does one bounded round and never sleeps,
 * {@code abort} applies the abort action, and {@code await} is the blocking loop built on {@code poll} for the CLI.
 * A Jenkins step execution, or any other durable caller, drives all of them with the same few lines.
 */
package dev.ecsdeploy.core.operation;
