package dev.ecsdeploy.core.dashboard;

import dev.ecsdeploy.core.dashboard.DashboardViews.Metrics;
import dev.ecsdeploy.core.history.HistoryIndex.Row;
import dev.ecsdeploy.core.operation.OperationStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The four delivery metrics of one environment, from the deployments that started in a window.
 *
 * <ul>
 *   <li>Deployment frequency: successful deployments per day.
 *   <li>Change failure rate: deployments that failed, rolled back or went back to an older digest, over all that
 *       finished.
 *   <li>Time to restore: from a failed deployment's end to the next success of the same target, averaged.
 *   <li>Lead time: from the commit (the image's revision label and its time, when recorded) to the success in this
 *       environment, the median.
 * </ul>
 */
final class DeliveryMetrics {
    private DeliveryMetrics() {}

    static Metrics of(String environment, List<Row> rows, Instant since, Duration window) {
        List<Row> finished = rows.stream().filter(DeliveryMetrics::finished).toList();
        List<Row> successes = finished.stream()
                .filter(row -> row.status() == OperationStatus.SUCCEEDED)
                .toList();
        long failures = finished.stream()
                .filter(row -> DashboardQuery.failed(row) || row.rollback())
                .count();
        double days = Math.max(1.0, window.toMinutes() / (24.0 * 60));
        return new Metrics(
                environment,
                finished.size(),
                successes.size() / days,
                finished.isEmpty() ? 0 : (double) failures / finished.size(),
                meanTimeToRestore(finished),
                medianLeadTime(successes),
                perDay(successes, since));
    }

    private static boolean finished(Row row) {
        return row.status() == OperationStatus.SUCCEEDED || DashboardQuery.failed(row);
    }

    private static Double meanTimeToRestore(List<Row> finished) {
        var byTarget = new HashMap<String, List<Row>>();
        finished.forEach(row -> byTarget.computeIfAbsent(row.targetKey(), key -> new ArrayList<>())
                .add(row));
        var restores = new ArrayList<Long>();
        byTarget.values().forEach(rows -> {
            rows.sort(Comparator.comparingLong(Row::sortTime));
            Long failedAt = null;
            for (Row row : rows) {
                if (DashboardQuery.failed(row) && failedAt == null) {
                    failedAt = end(row);
                } else if (row.status() == OperationStatus.SUCCEEDED && failedAt != null) {
                    restores.add(end(row) - failedAt);
                    failedAt = null;
                }
            }
        });
        return restores.isEmpty()
                ? null
                : restores.stream().mapToLong(Long::longValue).average().orElse(0) / 60_000.0;
    }

    private static Double medianLeadTime(List<Row> successes) {
        var leadTimes = successes.stream()
                .filter(row -> row.sourceCommittedAt() > 0)
                .map(row -> end(row) - row.sourceCommittedAt())
                .sorted()
                .toList();
        if (leadTimes.isEmpty()) {
            return null;
        }
        int middle = leadTimes.size() / 2;
        double median = leadTimes.size() % 2 == 1
                ? leadTimes.get(middle)
                : (leadTimes.get(middle - 1) + leadTimes.get(middle)) / 2.0;
        return median / 60_000.0;
    }

    private static Map<String, Integer> perDay(List<Row> successes, Instant since) {
        var days = new TreeMap<String, Integer>();
        successes.stream()
                .filter(row -> row.sortTime() >= since.toEpochMilli())
                .forEach(row -> days.merge(DashboardQuery.day(end(row)), 1, Integer::sum));
        return days;
    }

    private static long end(Row row) {
        return row.finishedAt() > 0 ? row.finishedAt() : row.sortTime();
    }
}
