package dev.ecsdeploy.archunit;

/** The package roots of Jenkins, Stapler and their plugins. */
final class JenkinsPackages {
    static final String[] ALL = {
        "hudson..", "jenkins..", "org.kohsuke..", "io.jenkins..", "org.jenkinsci..", "com.cloudbees.."
    };

    private JenkinsPackages() {}
}
