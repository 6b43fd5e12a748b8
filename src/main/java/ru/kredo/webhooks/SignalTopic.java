package ru.kredo.webhooks;

import java.time.Instant;

/**
 * A tenant's «Сигналы в Kafka» as it stands: whether Kafka is configured here at all ({@code available}), whether the
 * tenant switched it on, and its topic (the one it has, or would have once switched on).
 *
 * @param switchedOnAt when it was switched on, {@code null} while off
 */
public record SignalTopic(boolean available, boolean enabled, String topic, Instant switchedOnAt) {
}
