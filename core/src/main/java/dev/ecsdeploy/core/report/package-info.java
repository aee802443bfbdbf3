/**
 * The history report page: one HTML page whose JavaScript renders the history model's JSON (per-environment cards,
 * the promotion view, a filterable timeline, scan findings, AWS console links). {@link
 * dev.ecsdeploy.core.report.HistoryReport} writes it as a standalone file with the JSON embedded (the CLI) and
 * serves the same assets and JSON to the Jenkins plugin, so there is one renderer.
 */
package dev.ecsdeploy.core.report;
