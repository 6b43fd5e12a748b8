package ru.kredo.plans;

import java.time.Instant;

/**
 * A move of a plan's state as {@code plan_transitions} keeps it: from ({@code null} for the request), to, when, who
 * ({@code debtor:<id>}, {@code user:<id>}, {@code api-key:<id>}, {@code system:plans}) and why (a reason given, an
 * ending, a repair, the payment or dispute that moved it), {@code null} when nothing more is to say.
 */
public record PlanTransition(PlanStatus from, PlanStatus to, Instant at, String actor, String reason) {
}
