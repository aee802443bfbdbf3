/**
 * The "Deployments" pages: a job, folder and Jenkins-wide action serving core's dashboard JSON and assets, scoped to
 * the jobs below it and filtered by the current user's {@code Item.READ} on the server (decision record 0015).
 */
package io.jenkins.plugins.ecsdeploy.dashboard;
