/**
 * Progress reporting: core never prints; it reports {@link dev.ecsdeploy.core.event.ProgressEvent}s, whose kinds are
 * the constants in {@link dev.ecsdeploy.core.event.EventKinds}, and the CLI and the plugin render them.
 */
package dev.ecsdeploy.core.event;
