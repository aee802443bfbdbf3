package dev.ecsdeploy.core.history;

import java.util.List;

/**
 * The answer to "what runs now" from the store, with what it cost to get it.
 *
 * @param services what runs in each (environment, service), as {@link History#current()} orders them
 * @param bytesRead how many bytes of the journal and snapshot the query read
 * @param journalBytes how large the journal was
 * @param fromSnapshot whether a snapshot spared reading the journal from its start
 */
public record CurrentServices(List<ServiceState> services, long bytesRead, long journalBytes, boolean fromSnapshot) {
    public CurrentServices {
        services = List.copyOf(services);
    }
}
