package io.jenkins.plugins.ecsdeploy.dashboard;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import io.jenkins.plugins.ecsdeploy.history.PluginHistory;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The "Deployments" page and summary box of a folder or multibranch project: the deployments of every job below it
 * (for a multibranch project, its branches). Jobs are matched by full name, so nothing below is enumerated.
 */
public class FolderDeploymentsAction extends DeploymentsAction {
    private final AbstractFolder<?> folder;

    public FolderDeploymentsAction(
            AbstractFolder<?> folder, JobPermissions permissions, Supplier<PluginHistory> history) {
        super(below(folder.getFullName()), permissions, history);
        this.folder = folder;
    }

    static Predicate<String> below(String folderFullName) {
        String prefix = folderFullName + "/";
        return name -> name != null && name.startsWith(prefix);
    }

    public AbstractFolder<?> getFolder() {
        return folder;
    }

    @Override
    public String getPagePath() {
        return folder.getUrl() + URL_NAME + "/";
    }

    @Override
    public String getSubject() {
        return folder.getFullDisplayName();
    }
}
