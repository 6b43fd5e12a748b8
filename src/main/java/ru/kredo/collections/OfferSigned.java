package ru.kredo.collections;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import ru.kredo.contacts.ContactId;
import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantId;

/**
 * A debtor signed a debt's offer, a settlement (прощение долга, ст. 415 ГК РФ), with a texted code: he undertakes to
 * pay {@code sum} instead of {@code fullAmount}, in the {@code schedule}'s parts, and the rest is forgiven once it is
 * paid. Published once, in the transaction that signs it ({@link Offers#accept}), through the event publication
 * registry. A discounted restructuring plan that takes the offer ({@link Offers#acceptForPlan}) publishes nothing
 * here: the plan's own signature is its event.
 *
 * @param fullAmount the balance the settlement was made on
 * @param sum what he undertook to pay
 * @param schedule the parts he chose, in order
 */
public record OfferSigned(TenantId tenantId, UUID offerId, DebtId debtId, ContactId debtorId, String contractNumber,
		int discountPercent, Money fullAmount, Money sum, List<OfferPart> schedule, Instant signedAt) {

	public OfferSigned {
		Objects.requireNonNull(tenantId, "tenantId");
		Objects.requireNonNull(offerId, "offerId");
		Objects.requireNonNull(debtId, "debtId");
		Objects.requireNonNull(signedAt, "signedAt");
		schedule = List.copyOf(schedule);
	}
}
