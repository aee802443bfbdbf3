// Stub of jenkinsci/credentials-plugin
// src/main/java/com/cloudbees/plugins/credentials/common/StandardUsernameCredentials.java
package com.cloudbees.plugins.credentials.common;

public interface StandardUsernameCredentials extends StandardCredentials, UsernameCredentials {}
