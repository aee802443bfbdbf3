package dev.ecsdeploy.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.operation.DecisionPolicy;
import dev.ecsdeploy.core.operation.OperationPoll;
import dev.ecsdeploy.emulator.junit.EmulatorClients;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import dev.ecsdeploy.emulator.workload.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * Our engine against the SDK's {@code EcsWaiter.waitUntilServicesStable}, side by side on the same deployments, on an
 * emulator running {@value #SPEED}x faster than real time. The waiter keeps its real settings (15 s fixed delay, 40
 * attempts), scaled to the emulated clock. Run with:
 *
 * <pre>./mvnw -o -pl core -am test -Dtest=DeployWaitBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * <p>Results go to {@code core/target/benchmark/deploy-wait.md}.
 */
class DeployWaitBenchmark {
    static final double SPEED = 10;
    private static final int SUCCESS_RUNS = 12;
    private static final int BREAKER_RUNS = 3;

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withSpeed(SPEED);

    private EcsFixture fixture;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @BeforeEach
    void prepare() {
        fixture = new EcsFixture(AWS);
        fixture.prepare();
    }

    @AfterEach
    void close() {
        executor.shutdownNow();
        fixture.close();
    }

    @Test
    void shouldReportFasterAndCheaperAndRightVerdictsThanTheSdkWaiter() throws Exception {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < SUCCESS_RUNS; i++) {
            // Different start-up times put the end of each rollout at a different point between two polls.
            String image = "registry.example.com/web:bench-" + i;
            fixture.emulator()
                    .ecs()
                    .simulate(image, Workload.DEFAULT.withStartup(Duration.ofMillis(5_000 + 1_730L * i)));
            runs.add(run("bench-ok-" + i, 1 + i % 4, image));
        }
        for (int i = 0; i < BREAKER_RUNS; i++) {
            runs.add(run("bench-cb-" + i, 2, EcsFixture.CRASHING));
        }
        String report = report(runs);
        Path out = Path.of("target", "benchmark", "deploy-wait.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);

        assertThat(p95(runs, Run::engineLagSeconds)).isLessThanOrEqualTo(5.0);
        assertThat(runs)
                .allSatisfy(run -> assertThat(run.engineCallsPerMinute()).isLessThanOrEqualTo(12.0));
        assertThat(runs.stream().filter(r -> r.image.equals(EcsFixture.CRASHING)))
                .allSatisfy(run -> {
                    assertThat(run.engineVerdict).isEqualTo("ROLLED_BACK");
                    assertThat(run.waiterVerdict).isEqualTo("success");
                });
    }

    private Run run(String service, int desired, String image) throws Exception {
        fixture.service(service, desired);
        List<Instant> engineCalls = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Instant> waiterCalls = java.util.Collections.synchronizedList(new ArrayList<>());
        try (EmulatorClients engineClients = counting(engineCalls);
                EmulatorClients waiterClients = counting(waiterCalls)) {
            DeploymentEngine engine = DeploymentEngine.builder()
                    .ecs(engineClients.ecs())
                    .ecr(engineClients.ecr())
                    .clock(fixture.clock())
                    .build();
            DeploymentHandle handle = engine.start(DeploymentRequest.builder()
                    .cluster(EcsFixture.CLUSTER)
                    .service(service)
                    .source(TaskDefinitionSource.currentWithImage(image))
                    .build());
            OperationPoll<DeploymentHandle, DeploymentRecord> updated = engine.poll(handle);
            Instant waitStart = fixture.emulator().now();
            engineCalls.clear();
            Future<String[]> waiter = executor.submit(() -> waitWithSdk(waiterClients.ecs(), service));
            DeploymentRecord record = follow(engine, updated.handle());
            Instant engineEnd = record.finishedAt();
            String[] waited = waiter.get();
            Instant waiterEnd = Instant.parse(waited[1]);
            Instant finished = finishedAt(record);
            return new Run(
                    service,
                    image,
                    record.status().name(),
                    waited[0],
                    seconds(finished, engineEnd),
                    seconds(finished, waiterEnd),
                    perMinute(engineCalls),
                    perMinute(waiterCalls));
        }
    }

    /** Follows the deployment as the CLI does: poll, then sleep the returned delay (converted to real time). */
    private DeploymentRecord follow(DeploymentEngine engine, DeploymentHandle handle) {
        return engine.await(
                handle, ProgressListener.NONE, DecisionPolicy.always(null), DeployWaitBenchmark::sleepEmulated);
    }

    /** The most calls in any 60 s of emulated time (a half-open window), as a rate limit counts them. */
    private static double perMinute(List<Instant> calls) {
        List<Instant> sorted = calls.stream().sorted().toList();
        int most = 0;
        for (int first = 0; first < sorted.size(); first++) {
            Instant end = sorted.get(first).plusSeconds(60);
            int count = 0;
            for (int i = first; i < sorted.size() && sorted.get(i).isBefore(end); i++) {
                count++;
            }
            most = Math.max(most, count);
        }
        return most;
    }

    /** When the emulator marked the deployment finished: SD finishedAt, or the rollback start for a breaker trip. */
    private Instant finishedAt(DeploymentRecord record) {
        ServiceDeployment sd = fixture.ecs()
                .describeServiceDeployments(r -> r.serviceDeploymentArns(record.serviceDeploymentArn()))
                .serviceDeployments()
                .get(0);
        if (sd.rollback() != null && sd.rollback().startedAt() != null) {
            return sd.rollback().startedAt();
        }
        return sd.finishedAt() != null ? sd.finishedAt() : sd.updatedAt();
    }

    private String[] waitWithSdk(EcsClient ecs, String service) {
        try (EcsWaiter waiter = EcsWaiter.builder()
                .client(ecs)
                .overrideConfiguration(o -> o.maxAttempts(40)
                        .backoffStrategyV2(
                                BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis((long) (15_000 / SPEED)))))
                .build()) {
            WaiterResponse<DescribeServicesResponse> response = waiter.waitUntilServicesStable(
                    r -> r.cluster(EcsFixture.CLUSTER).services(service));
            String verdict = response.matched().response().isPresent() ? "success" : "failure";
            return new String[] {verdict, fixture.emulator().now().toString()};
        } catch (RuntimeException e) {
            return new String[] {
                "failure: " + e.getMessage(), fixture.emulator().now().toString()
            };
        }
    }

    private static void sleepEmulated(Duration emulated) {
        try {
            if (!emulated.isNegative()) {
                Thread.sleep((long) (emulated.toMillis() / SPEED));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private EmulatorClients counting(List<Instant> calls) {
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof DescribeServicesRequest
                        || context.request() instanceof DescribeServiceDeploymentsRequest) {
                    calls.add(fixture.emulator().now());
                }
            }
        };
        return new EmulatorClients(fixture.emulator(), o -> o.addExecutionInterceptor(counter));
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static String report(List<Run> runs) {
        StringBuilder text = new StringBuilder();
        text.append("# Deploy wait benchmark (emulator at ").append((int) SPEED).append("x)\n\n");
        text.append("| service | image | engine verdict | waiter verdict | engine lag s | waiter lag s |"
                + " engine DS+DSD in worst minute | waiter DS in worst minute |\n|---|---|---|---|---|---|---|---|\n");
        for (Run run : runs) {
            text.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %.1f | %.1f | %.1f | %.1f |%n",
                    run.service,
                    run.image,
                    run.engineVerdict,
                    run.waiterVerdict,
                    run.engineLagSeconds,
                    run.waiterLagSeconds,
                    run.engineCallsPerMinute,
                    run.waiterCallsPerMinute));
        }
        text.append(String.format(
                Locale.ROOT,
                "%nengine lag p95 %.1f s (max %.1f s); waiter lag p95 %.1f s; engine calls/min max %.1f; waiter"
                        + " calls/min max %.1f%n",
                p95(runs, Run::engineLagSeconds),
                max(runs, Run::engineLagSeconds),
                p95(runs, Run::waiterLagSeconds),
                max(runs, Run::engineCallsPerMinute),
                max(runs, Run::waiterCallsPerMinute)));
        return text.toString();
    }

    /** The 95th percentile with linear interpolation between closest ranks (as spreadsheets compute it). */
    private static double p95(List<Run> runs, java.util.function.ToDoubleFunction<Run> metric) {
        double[] values = runs.stream().mapToDouble(metric).sorted().toArray();
        double rank = 0.95 * (values.length - 1);
        int low = (int) Math.floor(rank);
        int high = Math.min(low + 1, values.length - 1);
        return values[low] + (rank - low) * (values[high] - values[low]);
    }

    private static double max(List<Run> runs, java.util.function.ToDoubleFunction<Run> metric) {
        return runs.stream().mapToDouble(metric).max().orElse(0);
    }

    record Run(
            String service,
            String image,
            String engineVerdict,
            String waiterVerdict,
            double engineLagSeconds,
            double waiterLagSeconds,
            double engineCallsPerMinute,
            double waiterCallsPerMinute) {}
}
