package ru.kredo.signals;

import ru.kredo.events.CreditEventType;
import ru.kredo.monitoring.Segment;

/**
 * One cell of a tenant's ranking: how urgent a signal of this segment × event type is for the tenant (1 = act today
 * … 5), Kredo's default for it, and whether the tenant set its own.
 */
public record Priority(Segment segment, CreditEventType eventType, int value, int defaultValue, boolean overridden) {
}
