package io.jenkins.plugins.ecsdeploy.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExecutorPollSchedulerTest {
    @Test
    void shouldRunAnyNumberOfPollsOnItsFixedThreads() throws Exception {
        Set<String> threadNames = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(500);
        CountDownLatch allThreadsBusy = new CountDownLatch(3);
        try (ExecutorPollScheduler scheduler = new ExecutorPollScheduler(3, 1.0)) {
            // The first three polls meet, so each runs on its own thread however loaded the machine is.
            for (int i = 0; i < 3; i++) {
                scheduler.schedule(
                        () -> {
                            threadNames.add(Thread.currentThread().getName());
                            allThreadsBusy.countDown();
                            awaitQuietly(allThreadsBusy);
                            done.countDown();
                        },
                        Duration.ZERO);
            }
            for (int i = 3; i < 500; i++) {
                scheduler.schedule(
                        () -> {
                            threadNames.add(Thread.currentThread().getName());
                            done.countDown();
                        },
                        Duration.ofMillis(i % 7));
            }

            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(scheduler.threadCount()).isEqualTo(3);
        }
        assertThat(threadNames).hasSize(3).allSatisfy(name -> assertThat(name).startsWith("ecs-deploy-poll-"));
    }

    @Test
    void shouldScaleDelaysByTheOperationClocksSpeed() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        try (ExecutorPollScheduler scheduler = new ExecutorPollScheduler(1, 600.0)) {
            long start = System.nanoTime();
            scheduler.schedule(done::countDown, Duration.ofMinutes(1));

            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void shouldDropWaitingPollsWhenQuiesced() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        ExecutorPollScheduler scheduler = new ExecutorPollScheduler(1, 1.0);
        scheduler.schedule(ran::countDown, Duration.ofMillis(300));

        assertThat(scheduler.quiesce(Duration.ofSeconds(5))).isTrue();
        assertThat(ran.await(600, TimeUnit.MILLISECONDS)).isFalse();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
