/** The Jenkins-wide deployment history the steps record into and the pages read. */
package io.jenkins.plugins.ecsdeploy.history;
