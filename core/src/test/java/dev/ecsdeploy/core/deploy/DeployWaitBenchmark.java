package dev.ecsdeploy.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.emulator.junit.EmulatorClients;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
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
import java.util.concurrent.atomic.AtomicLong;
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
    static final double SPEED = 30;
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
            runs.add(run("bench-ok-" + i, 1 + i % 4, EcsFixture.HEALTHY_V2));
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
        AtomicLong engineCalls = new AtomicLong();
        AtomicLong waiterCalls = new AtomicLong();
        try (EmulatorClients engineClients = counting(engineCalls);
                EmulatorClients waiterClients = counting(waiterCalls)) {
            DeploymentEngine engine =
                    DeploymentEngine.create(engineClients.ecs(), engineClients.ecr(), fixture.clock());
            DeploymentHandle handle = engine.start(DeploymentRequest.builder()
                    .cluster(EcsFixture.CLUSTER)
                    .service(service)
                    .source(TaskDefinitionSource.currentWithImage(image))
                    .build());
            PollResult updated = engine.poll(handle);
            Instant waitStart = fixture.emulator().now();
            engineCalls.set(0);
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
                    perMinute(engineCalls.get(), waitStart, engineEnd),
                    perMinute(waiterCalls.get(), waitStart, waiterEnd));
        }
    }

    /**
     * Polls as a scheduler does (Jenkins' Timer, the CLI): the next poll is due {@code nextPollIn} after the previous
     * one started, so the real time a poll takes is not stretched by the speed-up into emulated delay.
     */
    private DeploymentRecord follow(DeploymentEngine engine, DeploymentHandle handle) {
        DeploymentHandle current = handle;
        while (true) {
            Instant started = fixture.emulator().now();
            PollResult result = engine.poll(current);
            if (result.outcome().isPresent()) {
                return result.outcome().get();
            }
            current = result.handle();
            sleepEmulated(Duration.between(fixture.emulator().now(), started.plus(result.nextPollIn())));
        }
    }

    /** Calls per minute of waiting; a wait shorter than a minute counts as one minute (a budget is per minute). */
    private static double perMinute(long calls, Instant from, Instant to) {
        return calls / Math.max(1.0, seconds(from, to) / 60);
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

    private EmulatorClients counting(AtomicLong calls) {
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof DescribeServicesRequest
                        || context.request() instanceof DescribeServiceDeploymentsRequest) {
                    calls.incrementAndGet();
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
                + " engine DS+DSD/min | waiter DS/min |\n|---|---|---|---|---|---|---|---|\n");
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

    private static double p95(List<Run> runs, java.util.function.ToDoubleFunction<Run> metric) {
        double[] values = runs.stream().mapToDouble(metric).sorted().toArray();
        return values[(int) Math.ceil(0.95 * values.length) - 1];
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
