package io.jenkins.plugins.ecsdeploy.dashboard;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import hudson.Extension;
import hudson.model.Action;
import io.jenkins.plugins.ecsdeploy.history.PluginHistory;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/**
 * Adds the "Deployments" action to folders and multibranch projects. The folder plugin is an optional dependency:
 * without it this extension cannot link and Jenkins skips it ({@code optional = true}).
 */
@Extension(optional = true)
@SuppressWarnings({"rawtypes", "deprecation"}) // AbstractFolder<I> matched raw; optional is deprecated but supported
public class FolderDeploymentsActionFactory extends TransientActionFactory<AbstractFolder> {
    @Override
    public Class<AbstractFolder> type() {
        return AbstractFolder.class;
    }

    @Override
    public Class<? extends Action> actionType() {
        return FolderDeploymentsAction.class;
    }

    @Override
    public Collection<? extends Action> createFor(AbstractFolder target) {
        return List.of(new FolderDeploymentsAction(target, new JenkinsJobPermissions(), PluginHistory::get));
    }
}
