package io.jenkins.plugins.ecsdeploy.freestyle;

import hudson.model.Item;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The checks of the fields the rolling and canary build steps share. */
public abstract class AbstractDeployBuilderDescriptor extends EcsBuilderDescriptor {
    protected AbstractDeployBuilderDescriptor(Class<? extends Builder> type) {
        super(type);
    }

    @POST
    public FormValidation doCheckService(@AncestorInPath Item item, @QueryParameter String value) {
        return checks().ecsName(item, value, "service", true);
    }

    @POST
    public FormValidation doCheckCluster(@AncestorInPath Item item, @QueryParameter String value) {
        return checks().ecsName(item, value, "cluster", false);
    }

    @POST
    public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
        return checks().waitMinutes(item, value);
    }
}
