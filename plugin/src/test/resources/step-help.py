"""Generates each step's help-<field>.html, config.jelly and docs/user/steps.md from one table, so they agree; and
the same for the Freestyle build steps (package freestyle, docs/user/freestyle.md), from the same table.

Run from the repository root: python3 plugin/src/test/resources/step-help.py [OUTPUT_ROOT]
StepFormTest checks that every field has a help file and a config.jelly entry; FreestyleFormTest runs this script
into a temporary OUTPUT_ROOT and checks that the committed files are what it generates.
"""
import html, os, sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else "."
BASE = os.path.join(ROOT, "plugin/src/main/resources/io/jenkins/plugins/ecsdeploy/steps")

APPLICATION = "The application this deployment belongs to in the deployment history and the Deployments pages (lines one application up across environments whose services are named differently, e.g. hello-dev and hello-prod). Default: the ECR repository name of the primary image. Image builds and task runs are filed under their repository's name."

COMMON = {
 "region": "AWS region, for example <code>eu-west-1</code>. Defaults to the enclosing <code>withEcsEnvironment</code>, then the global configuration.",
 "credentialsId": "Id of a Jenkins credential: an AWS credential (aws-credentials plugin) or a username/password credential holding an access key id and secret key. Without it, the agent's default credential chain (its instance or task role) is used.",
 "roleArn": "ARN of an IAM role to assume for this step (the <code>--role-arn</code> of <code>aws sts assume-role</code>). The session is refreshed, so a deploy longer than the session does not fail.",
 "externalId": "External id required by the role's trust policy, if any.",
 "roleSessionName": "Name of the assumed-role session, shown in CloudTrail. Defaults to the build's name and number.",
 "roleSessionDuration": "Duration of each assumed-role session in seconds (900 to the role's maximum).",
 "endpointUrl": "Endpoint URL to use instead of AWS's (a VPC endpoint, LocalStack, the ecs-deploy emulator), like the AWS CLI's <code>--endpoint-url</code>.",
}
DEPLOY = {
 "service": "Name or ARN of the ECS service to deploy. Required.",
 "cluster": "Name or ARN of the cluster. Defaults to the enclosing <code>withEcsEnvironment</code>, then <code>default</code>.",
 "image": "The new image, best pinned by digest (<code>ecrBuildPush</code>'s <code>imageUri</code>). It replaces the image of the containers named in <code>containers</code>, or of every container whose image is from the same repository. Give either <code>image</code> or <code>taskDefinition</code>.",
 "containers": "Comma-separated names of the containers that get <code>image</code>. Empty means every container whose image is from the same repository.",
 "taskDefinition": "A task definition to deploy instead of changing the image: an ARN, <code>family:revision</code>, or the path of a RegisterTaskDefinition JSON file in the workspace (registered as a new revision).",
 "environment": "Name of the environment deployed to (for example <code>prod</code>), recorded with the deployment. Defaults to the enclosing <code>withEcsEnvironment</code>'s name.",
 "application": APPLICATION,
 "desiredCount": "New desired task count. Empty keeps the service's count.",
 "forceNewDeployment": "Start a new deployment even when the task definition is unchanged (replaces every task).",
 "timeout": "Minutes to follow the deployment before <code>onTimeout</code> applies (default 30).",
 "onTimeout": "What to do when the deployment outlives <code>timeout</code>: <code>rollback</code> (default) stops it with rollback, <code>leave</code> lets ECS carry on. The step fails either way.",
 "onAbort": "What to do when the build is aborted while the deployment runs: <code>rollback</code> (default) or <code>leave</code>.",
 "whenBusy": "What to do when another deployment of the service is in progress (the first deployment of a service just created, the previous build's): <code>wait</code> (default) for it to finish, within <code>timeout</code>, then deploy; or <code>fail</code> at once, changing nothing.",
 "wait": "Wait for the verdict (default). When off, the step returns once ECS has accepted the deployment, with status <code>IN_PROGRESS</code>.",
 "dryRun": "Print the plan and the task definition diff, change nothing.",
}
CANARY = {
 "strategy": "ECS's native traffic-shifting strategy: <code>canary</code> (default), <code>linear</code> or <code>blueGreen</code>. The service needs a load balancer with advancedConfiguration, or Service Connect. <code>codeDeploy</code> deploys a service with the CODE_DEPLOY deployment controller through CodeDeploy instead (the other strategies refuse such a service): traffic shifting, alarms and rollback come from the deployment group and <code>deploymentConfigName</code>, and the deployment group's ready wait is the pause that the body or the build page decides.",
 "canaryPercent": "Canary: percentage of production traffic shifted first (0.1 to 100, default 10).",
 "canaryBakeTimeInMinutes": "Canary: minutes to wait after the first shift (default 5).",
 "stepPercent": "Linear: percentage of traffic shifted per step (3 to 100, default 10).",
 "stepBakeTimeInMinutes": "Linear: minutes between steps (default 5).",
 "bakeTimeInMinutes": "Minutes both revisions stay up after all traffic has moved. Empty uses the ECS default.",
 "pauseAt": "Lifecycle stage where the deployment pauses for a decision (default <code>POST_TEST_TRAFFIC_SHIFT</code>); <code>none</code> never pauses. With a body, the body runs there: success continues, failure rolls back. Without one, the build page offers Continue and Roll back.",
 "pauseTimeout": "Without a body: minutes to wait for someone to decide on the build page before <code>pauseTimeoutAction</code> applies. Empty waits until the deployment's own timeout.",
 "pauseTimeoutAction": "What happens when <code>pauseTimeout</code> passes: <code>rollback</code> (default) or <code>continue</code>.",
 "deploymentConfigName": "CodeDeploy only: the deployment config, for example <code>CodeDeployDefault.ECSCanary10Percent5Minutes</code>. Empty uses the deployment group's.",
 "codeDeployApplication": "CodeDeploy only: the CodeDeploy application (the CLI's <code>--codedeploy-application</code>). Give it with <code>deploymentGroup</code>, or neither to find the deployment group that names the service.",
 "deploymentGroup": "CodeDeploy only: the deployment group (with <code>codeDeployApplication</code>).",
 "containerName": "CodeDeploy only: the AppSpec's load-balanced container. Empty uses the service's load balancer's.",
 "containerPort": "CodeDeploy only: the AppSpec's container port. Empty uses the service's load balancer's.",
 "hooks": "CodeDeploy only: AppSpec lifecycle hooks as <code>Event=function</code> pairs, comma separated, for example <code>AfterAllowTestTraffic=smoke-test</code>. Events: BeforeInstall, AfterInstall, AfterAllowTestTraffic, BeforeAllowTraffic, AfterAllowTraffic; the function is a Lambda name or ARN.",
}
RUNTASK = {
 "cluster": DEPLOY["cluster"],
 "taskDefinition": "Task definition to run: family, <code>family:revision</code> or ARN. Give this or <code>service</code>.",
 "service": "Service whose current task definition to run (when <code>taskDefinition</code> is empty) and whose network configuration to copy (when <code>subnets</code> is empty).",
 "image": "Image to run in <code>container</code> instead of the task definition's (a derived revision is registered).",
 "container": "The container that <code>image</code>, <code>command</code>, <code>entryPoint</code> and <code>environment</code> apply to, and whose exit code decides. Empty: they apply to the only container, or to the one whose image is from the same repository as <code>image</code> (as <code>ecsDeploy</code> chooses; otherwise the step fails listing the containers), and every essential container must exit 0.",
 "command": "Command override: a JSON array for exact arguments (<code>[\"./manage.py\", \"migrate\"]</code>) or words separated by blanks.",
 "entryPoint": "Entry point override, written like <code>command</code>.",
 "environment": "Environment variables for <code>container</code>: <code>NAME=value</code> lines or comma-separated pairs.",
 "cpu": "Task-level CPU override (for example <code>512</code>).",
 "memory": "Task-level memory override in MiB.",
 "taskRoleArn": "Task role override.",
 "executionRoleArn": "Task execution role override.",
 "subnets": "Subnets for an awsvpc task (comma-separated). Empty copies the network of <code>service</code>.",
 "securityGroups": "Security groups for an awsvpc task (comma-separated).",
 "assignPublicIp": "Assign a public IP to an awsvpc task.",
 "launchType": "<code>FARGATE</code>, <code>EC2</code> or <code>EXTERNAL</code>. Empty uses the cluster's default capacity provider strategy.",
 "capacityProviderStrategy": "Capacity providers instead of a launch type: <code>provider:weight:base</code>, comma-separated (for example <code>FARGATE_SPOT:3,FARGATE:1:1</code>).",
 "platformVersion": "Fargate platform version (default <code>LATEST</code>).",
 "count": "Number of tasks to start, 1 to 10 (default 1).",
 "startedBy": "The task's <code>startedBy</code> tag (default <code>jenkins</code>).",
 "group": "The task group.",
 "timeout": "Minutes to wait for the tasks to stop; after that they are stopped and the step fails (default 30).",
 "wait": "Wait until every task has stopped and judge the exit codes (default). When off, return once the tasks run.",
 "streamLogs": "Copy the containers' awslogs output into the build log (default on).",
}
ROLLBACK = {
 "service": "Name or ARN of the service to roll back. Required.",
 "cluster": DEPLOY["cluster"],
 "taskDefinition": "Task definition ARN to roll back to. Empty: the task definition of the last successful deployment before the current one.",
 "environment": DEPLOY["environment"],
 "application": APPLICATION,
 "wait": "Follow the rollback to its verdict (default). When off, return once it has started.",
 "toKnownGood": "Roll back to the task definition of the service's last deployment marked known good on the Deployments page (Jenkins-wide history). Fails when none is marked; not together with <code>taskDefinition</code>.",
}
PROMOTE = {
 "repository": "Name of the ECR repository. Required.",
 "source": "Tag or digest (<code>sha256:...</code>) of the image already in the repository. Required.",
 "tags": "Tags to add, comma-separated, for example <code>staging, prod</code>. Required.",
}
BUILD = {
 "repository": "Name of the ECR repository to push to. Required.",
 "context": "Build context directory, relative to the workspace (default <code>.</code>).",
 "dockerfile": "Dockerfile, relative to the context (default <code>Dockerfile</code>).",
 "tags": "Tags to push, comma-separated (for example <code>${GIT_COMMIT}, latest</code>).",
 "buildArgs": "Build arguments: <code>NAME=value</code> lines or comma-separated pairs.",
 "target": "Build stage to stop at (<code>--target</code>).",
 "platforms": "Target platforms, comma-separated (<code>linux/amd64,linux/arm64</code>).",
 "labels": "Image labels: <code>NAME=value</code> lines. The OCI revision, source and build URL labels are added.",
 "revision": "The commit built: the image's <code>org.opencontainers.image.revision</code> label, recorded with the build and with every deployment of the image (commits in diffs, lead time). Defaults to the build's <code>GIT_COMMIT</code>; its commit time is read with git in the build context on the agent.",
 "cacheFrom": "Cache sources (<code>--cache-from</code>), comma-separated.",
 "cacheTo": "Cache destinations (<code>--cache-to</code>), comma-separated.",
 "builder": "Which tool builds: <code>auto</code> (default: docker when its daemon answers, else podman, else buildah, else Jib when the Dockerfile is within what Jib can express; every choice is logged with its reason), <code>docker</code>, <code>podman</code>, <code>buildah</code> or <code>jib</code>.",
 "secrets": "Build secrets from Jenkins credentials: <code>id=VARIABLE</code> lines, where VARIABLE is bound by <code>withCredentials</code> around this step. The value reaches the builder through its environment, never its command line.",
 "scanThresholds": "Scan gate: most findings allowed per severity, <code>CRITICAL=0,HIGH=5</code>. Setting it turns the scan on.",
 "allowList": "Finding ids (CVE-...) the gate ignores, comma-separated.",
 "scanTimeout": "Minutes to wait for the scan (default 10).",
 "scanTimeoutAction": "What a scan that does not finish in time means: <code>fail</code> (default), <code>unstable</code> or <code>ignore</code>.",
 "noCache": "Build without the builder's cache.",
 "pull": "Always pull the base images.",
 "createRepository": "Create the repository when it does not exist.",
 "scanOnPush": "Set the repository's scan-on-push setting.",
 "immutableTags": "Set the repository's tag immutability.",
 "encryption": "Encryption at rest of a repository this step creates: <code>AES256</code> (AWS's default) or <code>KMS</code>. AWS cannot change it after creation.",
 "kmsKey": "KMS key (ARN, id or alias) for <code>encryption: 'KMS'</code>; empty uses the AWS-managed key.",
 "lifecyclePolicy": "Path, in the workspace, of an ECR lifecycle policy JSON file to apply to the repository.",
 "scan": "Wait for the image scan and apply the gate.",
}
ENV = {
 "name": "Name of the environment (<code>dev</code>, <code>staging</code>, <code>prod</code>), recorded by the deployments inside. Required.",
 "cluster": "Cluster for the steps inside.",
}

STEPS = [
 ("EcsDeployRollingStep", "ecsDeployRolling", ["service"], {**DEPLOY}, ["taskDefinitionArn", "previousTaskDefinitionArn", "serviceDeploymentArn", "deploymentId", "status (SUCCESSFUL, or IN_PROGRESS with wait: false, or DRY_RUN)", "reason"],
  "def r = ecsDeployRolling(cluster: 'prod', service: 'api', image: img.imageUri)\necho \"deployed ${r.taskDefinitionArn}\""),
 ("EcsDeployCanaryStep", "ecsDeployCanary", ["service"], {**DEPLOY, **CANARY}, ["the same map as ecsDeployRolling"],
  "ecsDeployCanary(cluster: 'prod', service: 'api', image: img.imageUri, canaryPercent: 10) {\n    sh './smoke-test.sh https://test.example.com'\n}\n\n// a service with the CODE_DEPLOY deployment controller: the body runs at the deployment group's ready wait\necsDeployCanary(cluster: 'prod', service: 'legacy', image: img.imageUri, strategy: 'codeDeploy',\n        deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent5Minutes') {\n    sh './smoke-test.sh https://test.example.com'\n}"),
 ("EcsRunTaskStep", "ecsRunTask", [], RUNTASK, ["status (SUCCEEDED, or STARTED with wait: false)", "message", "taskDefinitionArn", "taskArns (list)", "exitCodes (container name to exit code, first task)", "tasks (list of maps: taskArn, lastStatus, stoppedReason, exitCodes)"],
  "def run = ecsRunTask(cluster: 'prod', service: 'api', container: 'app', command: '[\"./manage.py\", \"migrate\"]')\necho \"exit ${run.exitCodes.app}\""),
 ("EcsRollbackStep", "ecsRollback", ["service"], ROLLBACK, ["the same map as ecsDeployRolling"],
  "ecsRollback(cluster: 'prod', service: 'api')"),
 ("EcrPromoteStep", "ecrPromote", ["repository", "source", "tags"], PROMOTE, ["imageUri (pinned by digest)", "digest", "tags (list)", "repositoryUri", "unchanged (true when every tag already pointed at the digest)"],
  "ecrPromote(repository: 'api', source: env.GIT_COMMIT, tags: 'prod')"),
 ("EcrBuildPushStep", "ecrBuildPush", ["repository"], BUILD, ["imageUri (pinned by digest)", "digest", "tags (list)", "repositoryUri", "unchanged", "scanStatus, scanVerdict and scanCounts (severity to count), when scanned"],
  "def img = ecrBuildPush(repository: 'api', tags: \"${env.GIT_COMMIT}\", scanThresholds: 'CRITICAL=0')"),
 ("WithEcsEnvironmentStep", "withEcsEnvironment", ["name"], ENV, ["whatever the body returns"],
  "withEcsEnvironment(name: 'prod', cluster: 'prod', region: 'eu-west-1', roleArn: 'arn:aws:iam::111122223333:role/deployer') {\n    ecsDeployRolling(service: 'api', image: img.imageUri)\n}"),
]
CHOICE_OR_BOOL = {"toKnownGood", "forceNewDeployment", "wait", "dryRun", "streamLogs", "noCache", "pull", "createRepository", "scan"}

# What a new form shows, so that a field left as it is binds to the step's default (an unticked "wait" would be
# wait: false, an empty pauseAt would be "none").
FORM_DEFAULTS = {"wait": "true", "streamLogs": "true", "pauseAt": "POST_TEST_TRAFFIC_SHIFT"}

def field_entry(name):
    title = name[0].upper() + "".join(" " + c.lower() if c.isupper() else c for c in name[1:])
    default = f' default="{FORM_DEFAULTS[name]}"' if name in FORM_DEFAULTS else ""
    control = f"<f:checkbox{default}/>" if name in CHOICE_OR_BOOL else "<c:select/>" if name == "credentialsId" else f"<f:textbox{default}/>"
    return f'  <f:entry field="{name}" title="{title}">\n    {control}\n  </f:entry>\n'

docs = ["# Pipeline steps\n\nOne section per step: its parameters (the same text as the help in the Snippet Generator, generated from",
        "`plugin/src/test/resources/step-help.py`), its return value and an example. Every step also takes the connection",
        "parameters listed at the end. Every step returns a plain map (strings, numbers, lists), so no script approval is needed.\n"]
for cls, symbol, required, fields, returns, example in STEPS:
    d = os.path.join(BASE, cls)
    os.makedirs(d, exist_ok=True)
    allf = dict(fields)
    for name, text in {**fields, **COMMON}.items():
        with open(os.path.join(d, f"help-{name}.html"), "w") as f:
            f.write(f"<div>\n  {text}\n</div>\n")
    jelly = "<?jelly escape-by-default='true'?>\n<j:jelly xmlns:j=\"jelly:core\" xmlns:f=\"/lib/form\" xmlns:c=\"/lib/credentials\">\n"
    for name in fields:
        jelly += field_entry(name)
    jelly += "  <f:advanced title=\"AWS connection\">\n"
    for name in COMMON:
        jelly += "  " + field_entry(name).replace("\n  ", "\n    ")
    jelly += "  </f:advanced>\n</j:jelly>\n"
    with open(os.path.join(d, "config.jelly"), "w") as f:
        f.write(jelly)
    docs.append(f"## `{symbol}`\n")
    docs.append("| Parameter | Meaning |\n|---|---|")
    for name, text in fields.items():
        req = " (required)" if name in required else ""
        docs.append(f"| `{name}`{req} | {text} |")
    docs.append("\n**Returns** a map with: " + "; ".join(f"`{r.split(' ')[0]}`" + (" " + " ".join(r.split(' ')[1:]) if ' ' in r else "") for r in returns) + ".\n")
    docs.append("```groovy\n" + example + "\n```\n")
docs.append("## Connection parameters (every step)\n\n| Parameter | Meaning |\n|---|---|")
for name, text in COMMON.items():
    docs.append(f"| `{name}` | {text} |")
docs.append("")
os.makedirs(os.path.join(ROOT, "docs/user"), exist_ok=True)
with open(os.path.join(ROOT, "docs/user/steps.md"), "w") as f:
    f.write("\n".join(docs))


# ---- Freestyle build steps: the same fields and texts, where a Freestyle build differs in its own words ----
FS_BASE = os.path.join(ROOT, "plugin/src/main/resources/io/jenkins/plugins/ecsdeploy/freestyle")
FS_COMMON = {**COMMON,
 "region": "AWS region, for example <code>eu-west-1</code>. Defaults to the global configuration.",
}
FS_DEPLOY = {**DEPLOY,
 "cluster": "Name or ARN of the cluster. Defaults to <code>default</code>.",
 "image": "The new image, best pinned by digest (<code>${IMAGE_URI}</code> from an earlier ECR build step). It replaces the image of the containers named in <code>containers</code>, or of every container whose image is from the same repository. Give either <code>image</code> or <code>taskDefinition</code>.",
 "environment": "Name of the environment deployed to (for example <code>prod</code>), recorded with the deployment.",
 "wait": "Wait for the verdict (default). When off, the build step ends once ECS has accepted the deployment, with <code>ECS_DEPLOYMENT_STATUS=IN_PROGRESS</code>.",
 "onAbort": "What to do when the build is aborted while the deployment runs: <code>rollback</code> (default: the build step rolls the deployment back before the build ends) or <code>leave</code>.",
}
FS_CANARY = {**CANARY,
 "strategy": "ECS's native traffic-shifting strategy: <code>canary</code> (default), <code>linear</code> or <code>blueGreen</code>. The service needs a load balancer with advancedConfiguration, or Service Connect. <code>codeDeploy</code> deploys a service with the CODE_DEPLOY deployment controller through CodeDeploy instead: traffic shifting, alarms and rollback come from the deployment group and <code>deploymentConfigName</code>, and the deployment group's ready wait is the pause decided on the build page.",
 "pauseAt": "Lifecycle stage where the deployment pauses for a decision (default <code>POST_TEST_TRAFFIC_SHIFT</code>); <code>none</code> never pauses. The build page offers Continue and Roll back while it pauses.",
 "pauseTimeout": "Minutes to wait for someone to decide on the build page before <code>pauseTimeoutAction</code> applies. Empty waits until the deployment's own timeout.",
}
FS_RUNTASK = {**RUNTASK, "cluster": FS_DEPLOY["cluster"],
 "wait": "Wait until every task has stopped and judge the exit codes (default). When off, the build step ends once the tasks run.",
}
FS_BUILD = {**BUILD,
 "tags": "Tags to push, comma-separated (for example <code>${GIT_COMMIT}, latest</code>).",
 "secrets": "Build secrets from Jenkins credentials: <code>id=VARIABLE</code> lines, where VARIABLE is bound by the build's credentials bindings (<em>Use secret text(s) or file(s)</em>). The value reaches the builder through its environment, never its command line.",
}
IMAGE_VARS = [("IMAGE_URI", "the image pinned by digest, <code>repositoryUri@sha256:...</code>"), ("IMAGE_DIGEST", "the digest, <code>sha256:...</code>"), ("IMAGE_REPOSITORY_URI", "the repository URI"), ("IMAGE_TAG", "the first tag"), ("IMAGE_TAGS", "every tag, comma-separated"), ("IMAGE_UNCHANGED", "<code>true</code> when the image (or every tag) was already there"), ("IMAGE_SCAN_VERDICT", "the scan gate's verdict, when scanned")]
DEPLOY_VARS = [("TASK_DEFINITION_ARN", "the task definition deployed"), ("PREVIOUS_TASK_DEFINITION_ARN", "the task definition it replaced"), ("ECS_SERVICE_DEPLOYMENT_ARN", "ECS's service deployment"), ("ECS_DEPLOYMENT_ID", "the deployment id (CodeDeploy's, for <code>codeDeploy</code>)"), ("ECS_DEPLOYMENT_STATUS", "<code>SUCCESSFUL</code>, <code>IN_PROGRESS</code> (wait off) or <code>DRY_RUN</code>")]
TASK_VARS = [("TASK_DEFINITION_ARN", "the task definition run"), ("ECS_TASK_STATUS", "<code>SUCCEEDED</code>, or <code>STARTED</code> (wait off)"), ("ECS_TASK_ARN", "the first task"), ("ECS_TASK_ARNS", "every task, comma-separated"), ("ECS_TASK_EXIT_CODE", "the exit code of <code>container</code> (or of the only container) in the first task")]
BUILDERS = [
 ("EcrBuildPushBuilder", "ECR: build an image and push it", "ecrBuildPush", ["repository"], FS_BUILD, IMAGE_VARS),
 ("EcrPromoteBuilder", "ECR: add tags to an image (promote)", "ecrPromote", ["repository", "source", "tags"], PROMOTE, IMAGE_VARS),
 ("EcsDeployRollingBuilder", "ECS: deploy to a service with a rolling update", "ecsDeployRolling", ["service"], FS_DEPLOY, DEPLOY_VARS),
 ("EcsDeployCanaryBuilder", "ECS: deploy to a service with canary, linear or blue/green traffic shifting, or CodeDeploy", "ecsDeployCanary", ["service"], {**FS_DEPLOY, **FS_CANARY}, DEPLOY_VARS),
 ("EcsRunTaskBuilder", "ECS: run a task and wait for its exit code", "ecsRunTask", [], FS_RUNTASK, TASK_VARS),
]
fs_docs = ["# Freestyle build steps", "",
 "Five build steps for Freestyle (and other classic) projects, under *Add build step*. Each is the Pipeline step of",
 "the same name underneath: the same fields with the same defaults, the same checks, the same execution against AWS,",
 "so [steps.md](steps.md) describes what each one does. This page is generated, with the help in the form, from",
 "`plugin/src/test/resources/step-help.py`.", "",
 "## What is the same, what differs", "",
 "- **Variables.** Text fields may use `${VARIABLE}` (or `$VARIABLE`) from the build's environment: parameters,",
 "  `GIT_COMMIT`, and the variables of an earlier ecs-deploy build step, such as `${IMAGE_URI}`. They are replaced when",
 "  the build runs; the form cannot check such a value, and says so. Numbers, checkboxes and the choice fields",
 "  (`onTimeout`, `onAbort`, `whenBusy`, `strategy`, `pauseTimeoutAction`) take their value as written. Never put a",
 "  secret variable in a field (it would reach a command line or a request): give build secrets through `secrets`.",
 "- **Variables for later build steps.** Each build step adds environment variables (below) for the build steps after",
 "  it, and for post-build actions. They hold URIs, ARNs, digests, statuses and exit codes, never a secret. A later",
 "  ecs-deploy build step overwrites a variable it sets again.",
 "- **Failure.** A failed build, a refused scan gate, a deployment that failed or was rolled back (by the circuit",
 "  breaker, an alarm or a timeout), or a task that exited non-zero, fails the build (result FAILURE) with the concise",
 "  reason as the build's error line, without a stack trace. Nothing failed is reported as success. A scan gate set to",
 "  `unstable` marks the build UNSTABLE.",
 "- **Abort.** When the build is aborted while a deployment runs, `onAbort` applies (`rollback` by default): the",
 "  build step rolls the deployment back, and the build ends (ABORTED) once the rollback has started. An aborted task",
 "  run stops its tasks. Aborting again does not skip this.",
 "- **Pauses.** A Freestyle build step has no body. A canary that pauses (`pauseAt`) is decided on the build page",
 "  (Continue, Roll back), or by `pauseTimeoutAction` after `pauseTimeout`.",
 "- **Restarts.** A Freestyle build does not survive a Jenkins restart. The deployment carries on in AWS (ECS's",
 "  circuit breaker and alarms still apply); use a Pipeline for deployments that must be followed across a restart.",
 "- **Credentials.** `credentialsId` and `roleArn` work as in a Pipeline; without them, the identity of the agent that",
 "  holds the workspace is used. There is no `withEcsEnvironment`: give the cluster and environment in each build",
 "  step; region, credentials and endpoint default to the global configuration.", ""]
for cls, title, symbol, required, fields, variables in BUILDERS:
    d = os.path.join(FS_BASE, cls)
    os.makedirs(d, exist_ok=True)
    for name, text in {**fields, **FS_COMMON}.items():
        with open(os.path.join(d, f"help-{name}.html"), "w") as f:
            f.write(f"<div>\n  {text}\n</div>\n")
    with open(os.path.join(d, "help.html"), "w") as f:
        f.write(f"<div>\n  The build step form of the Pipeline step <code>{symbol}</code>. Later build steps get:\n  <ul>\n")
        for var, text in variables:
            f.write(f"    <li><code>{var}</code>: {text}</li>\n")
        f.write("  </ul>\n</div>\n")
    jelly = "<?jelly escape-by-default='true'?>\n<j:jelly xmlns:j=\"jelly:core\" xmlns:f=\"/lib/form\" xmlns:c=\"/lib/credentials\">\n"
    for name in fields:
        jelly += field_entry(name)
    jelly += "  <f:advanced title=\"AWS connection\">\n"
    for name in FS_COMMON:
        jelly += "  " + field_entry(name).replace("\n  ", "\n    ")
    jelly += "  </f:advanced>\n</j:jelly>\n"
    with open(os.path.join(d, "config.jelly"), "w") as f:
        f.write(jelly)
    fs_docs.append(f"## {title}\n")
    fs_docs.append(f"The Pipeline step `{symbol}`. Class `io.jenkins.plugins.ecsdeploy.freestyle.{cls}`.\n")
    fs_docs.append("| Field | Meaning |\n|---|---|")
    for name, text in fields.items():
        req = " (required)" if name in required else ""
        fs_docs.append(f"| `{name}`{req} | {text} |")
    fs_docs.append("\n**Environment variables for later build steps:**\n\n| Variable | Value |\n|---|---|")
    for var, text in variables:
        fs_docs.append(f"| `{var}` | {text} |")
    fs_docs.append("")
fs_docs.append("## Connection fields (every build step, under *AWS connection*)\n\n| Field | Meaning |\n|---|---|")
for name, text in FS_COMMON.items():
    fs_docs.append(f"| `{name}` | {text} |")
fs_docs.append("")
with open(os.path.join(ROOT, "docs/user/freestyle.md"), "w") as f:
    f.write("\n".join(fs_docs))
