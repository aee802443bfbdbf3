package io.jenkins.plugins.ecsdeploy.credentials;

import hudson.model.Item;
import hudson.util.ListBoxModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Credentials as the credentials plugin would list them, recording every full listing it was asked for. */
public final class RecordingListing implements CredentialsListing {
    private final Set<String> ids;
    public final List<String> fullListings = new ArrayList<>();

    public RecordingListing(String... ids) {
        this.ids = Set.of(ids);
    }

    @Override
    public ListBoxModel currentValueOnly(String credentialsId) {
        ListBoxModel model = new ListBoxModel();
        model.add(credentialsId, credentialsId);
        return model;
    }

    @Override
    public ListBoxModel all(Item item, String credentialsId) {
        fullListings.add(item == null ? "global" : item.getFullName());
        ListBoxModel model = new ListBoxModel();
        model.add("- none -", "");
        ids.stream().sorted().forEach(id -> model.add(id, id));
        return model;
    }

    @Override
    public boolean exists(Item item, String credentialsId) {
        return ids.contains(credentialsId);
    }
}
