package dev.ecsdeploy.emulator.http;

import java.time.Instant;

/**
 * What an operation handler may know about the request besides its input: the region and access key the client
 * signed with (read from the SigV4 credential scope), the account, and the emulated time of the call.
 */
public record RequestContext(String region, String accessKeyId, String accountId, Instant now) {
    public RequestContext withNow(Instant time) {
        return new RequestContext(region, accessKeyId, accountId, time);
    }

    public String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + accountId + ":" + resource;
    }
}
