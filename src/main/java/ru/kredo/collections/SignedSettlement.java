package ru.kredo.collections;

import java.time.Instant;
import java.util.UUID;

import ru.kredo.money.Money;

/**
 * A settlement (прощение долга, ст. 415 ГК РФ) the debtor signed and paid: the agreement, when he signed it, the SMS
 * challenge that is his simple electronic signature (its record keeps the code's hash and when it was confirmed), the
 * balance it was made on and the sum he undertook to pay. {@code ofPlan}: the agreement is a restructuring plan's
 * (a plan combined with a discount, docs/plans.md): its schedule paid, the rest was forgiven on its completion, and
 * {@code agreement} is the plan's id — a certificate names that agreement, not a settlement's.
 */
public record SignedSettlement(UUID agreement, Instant signedAt, UUID signature, Money debtAtSigning, Money sum,
		boolean ofPlan) {
}
