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
 * without it this class fails to initialise (its {@code TYPE} names the folder class), so Jenkins cannot create the
 * extension and skips it quietly ({@code optional = true}) instead of failing later, when actions are listed.
 */
@Extension(optional = true)
@SuppressWarnings({"rawtypes", "deprecation"}) // AbstractFolder<I> matched raw; optional is deprecated but supported
public class FolderDeploymentsActionFactory extends TransientActionFactory<AbstractFolder> {
    private static final Class<AbstractFolder> TYPE = AbstractFolder.class;

    @Override
    public Class<AbstractFolder> type() {
        return TYPE;
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
