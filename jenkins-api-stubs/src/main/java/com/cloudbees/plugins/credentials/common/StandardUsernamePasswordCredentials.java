// Stub of jenkinsci/credentials-plugin
// src/main/java/com/cloudbees/plugins/credentials/common/StandardUsernamePasswordCredentials.java
package com.cloudbees.plugins.credentials.common;

public interface StandardUsernamePasswordCredentials extends StandardUsernameCredentials, UsernamePasswordCredentials {}
