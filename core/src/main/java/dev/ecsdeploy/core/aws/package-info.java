/**
 * The one place that builds AWS SDK clients ({@link dev.ecsdeploy.core.aws.AwsClients}: retries, timeouts, user agent,
 * the caller's HTTP client), where to connect ({@link dev.ecsdeploy.core.aws.AwsConnection}), and how AWS failures
 * are described ({@link dev.ecsdeploy.core.aws.AwsFailure}).
 */
package dev.ecsdeploy.core.aws;
