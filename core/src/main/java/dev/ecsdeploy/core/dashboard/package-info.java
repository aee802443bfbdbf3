/**
 * The data of the deployments dashboard, without Jenkins: {@link dev.ecsdeploy.core.dashboard.DashboardQuery} answers
 * what runs now, the timeline, a cell's history, diffs, the promotion view and delivery metrics from a
 * {@link dev.ecsdeploy.core.history.HistoryIndex}, filtered on the server by a "may read job" predicate, and
 * {@link dev.ecsdeploy.core.dashboard.DashboardApi} turns a request path into the JSON the static page in
 * {@code dev/ecsdeploy/core/dashboard/web/} renders. A plugin serves both from one Action.
 */
package dev.ecsdeploy.core.dashboard;
