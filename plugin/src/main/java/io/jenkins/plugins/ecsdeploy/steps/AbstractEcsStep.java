package io.jenkins.plugins.ecsdeploy.steps;

import io.jenkins.plugins.ecsdeploy.exec.AwsTarget;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The connection fields every step has: region, credentialsId, roleArn (with externalId, roleSessionName and
 * roleSessionDuration) and endpointUrl. Unset fields come from an enclosing {@code withEcsEnvironment}, then from the
 * global configuration.
 */
public abstract class AbstractEcsStep extends Step {

    private String region;
    private String credentialsId;
    private String roleArn;
    private String externalId;
    private String roleSessionName;
    private Integer roleSessionDuration;
    private String endpointUrl;

    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = Fields.trim(region);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Fields.trim(credentialsId);
    }

    public String getRoleArn() {
        return roleArn;
    }

    @DataBoundSetter
    public void setRoleArn(String roleArn) {
        this.roleArn = Fields.trim(roleArn);
    }

    public String getExternalId() {
        return externalId;
    }

    @DataBoundSetter
    public void setExternalId(String externalId) {
        this.externalId = Fields.trim(externalId);
    }

    public String getRoleSessionName() {
        return roleSessionName;
    }

    @DataBoundSetter
    public void setRoleSessionName(String roleSessionName) {
        this.roleSessionName = Fields.trim(roleSessionName);
    }

    public Integer getRoleSessionDuration() {
        return roleSessionDuration;
    }

    @DataBoundSetter
    public void setRoleSessionDuration(Integer roleSessionDuration) {
        this.roleSessionDuration = roleSessionDuration;
    }

    public String getEndpointUrl() {
        return endpointUrl;
    }

    @DataBoundSetter
    public void setEndpointUrl(String endpointUrl) {
        this.endpointUrl = Fields.trim(endpointUrl);
    }

    /** The connection fields of this step, completed from the enclosing {@code withEcsEnvironment}. */
    protected AwsTarget target(StepContext context) throws IOException, InterruptedException {
        AwsTarget own = new AwsTarget(
                region, credentialsId, roleArn, externalId, roleSessionName, roleSessionDuration, endpointUrl);
        EcsEnvironment defaults = EcsEnvironment.of(context);
        return defaults == null ? own : own.orElse(defaults.target());
    }

    /** The cluster: this step's, else the enclosing {@code withEcsEnvironment}'s, else {@code default}. */
    protected static String cluster(StepContext context, String own) throws IOException, InterruptedException {
        EcsEnvironment defaults = EcsEnvironment.of(context);
        String cluster = Fields.first(own, defaults == null ? null : defaults.cluster());
        return cluster == null ? "default" : cluster;
    }

    /** The environment name: this step's, else the enclosing {@code withEcsEnvironment}'s, else empty. */
    protected static String environmentName(StepContext context, String own) throws IOException, InterruptedException {
        EcsEnvironment defaults = EcsEnvironment.of(context);
        String name = Fields.first(own, defaults == null ? null : defaults.name());
        return name == null ? "" : name;
    }
}
