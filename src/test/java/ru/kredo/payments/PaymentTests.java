package ru.kredo.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantId;

class PaymentTests {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private final Payment created = Payment.create(TenantId.random(), new PayableRef(UUID.randomUUID()),
			Money.ofRoubles("500"), PaymentMethod.SBP, "key-1", "sandbox", "/back", NOW);

	@Test
	void goesFromCreatedThroughPendingToSucceeded() {
		Payment pending = created.acceptedBy("pp-1", "https://pay/1", NOW.plusSeconds(1)).orElseThrow();
		Payment succeeded = pending.movedTo(PaymentStatus.SUCCEEDED, NOW.plusSeconds(60)).orElseThrow();

		assertThat(pending.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(pending.providerPaymentId()).isEqualTo("pp-1");
		assertThat(pending.confirmationUrl()).isEqualTo("https://pay/1");
		assertThat(succeeded.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(succeeded.settledAt()).isEqualTo(NOW.plusSeconds(60));
	}

	@Test
	void aPendingPaymentMayBeCanceled() {
		Payment pending = created.acceptedBy("pp-1", "https://pay/1", NOW).orElseThrow();

		assertThat(pending.movedTo(PaymentStatus.CANCELED, NOW)).hasValueSatisfying(
				canceled -> assertThat(canceled.status()).isEqualTo(PaymentStatus.CANCELED));
	}

	@Test
	void aSettledPaymentIgnoresEveryLaterStatus() {
		Payment succeeded = created.acceptedBy("pp-1", "u", NOW).orElseThrow().movedTo(PaymentStatus.SUCCEEDED, NOW)
			.orElseThrow();
		Payment canceled = created.acceptedBy("pp-1", "u", NOW).orElseThrow().movedTo(PaymentStatus.CANCELED, NOW)
			.orElseThrow();

		for (PaymentStatus later : PaymentStatus.values()) {
			assertThat(succeeded.movedTo(later, NOW)).as("succeeded → " + later).isEmpty();
			assertThat(canceled.movedTo(later, NOW)).as("canceled → " + later).isEmpty();
		}
	}

	@Test
	void aCreatedPaymentCannotSettleBeforeTheProviderHasIt() {
		assertThat(created.movedTo(PaymentStatus.SUCCEEDED, NOW)).isEmpty();
		assertThat(created.movedTo(PaymentStatus.CANCELED, NOW)).isEmpty();
	}

	@Test
	void aRepeatedStatusIsNoMove() {
		Payment pending = created.acceptedBy("pp-1", "u", NOW).orElseThrow();

		assertThat(pending.movedTo(PaymentStatus.PENDING, NOW)).isEmpty();
		assertThat(pending.acceptedBy("pp-2", "v", NOW)).isEmpty();
	}

	@Test
	void aCombinedPaymentIsTheSumOfItsPartsAndKeepsThemThroughItsMoves() {
		PayableRef first = new PayableRef(UUID.randomUUID());
		PayableRef second = new PayableRef(UUID.randomUUID());
		Payment combined = Payment.combined(TenantId.random(), java.util.List.of(
				new PaymentPart(first, Money.ofRoubles("3000.00"), "Погашение задолженности по договору № 1"),
				new PaymentPart(second, Money.ofRoubles("4000.50"), "Погашение задолженности по договору № 2")),
				PaymentMethod.SBP, "key-2", "sandbox", "/back", NOW);

		assertThat(combined.isCombined()).isTrue();
		assertThat(combined.amount()).isEqualTo(Money.ofRoubles("7000.50"));
		Payment succeeded = combined.acceptedBy("pp-2", "https://pay/2", NOW).orElseThrow()
			.movedTo(PaymentStatus.SUCCEEDED, NOW.plusSeconds(60)).orElseThrow();
		assertThat(succeeded.shares()).extracting(PaymentPart::amount)
			.containsExactly(Money.ofRoubles("3000.00"), Money.ofRoubles("4000.50"));
		assertThat(succeeded.asPartOf(second).amount()).isEqualTo(Money.ofRoubles("4000.50"));
		assertThat(created.shares()).singleElement().satisfies(part -> assertThat(part.amount()).isEqualTo(created.amount()));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Payment(combined.id(), combined.tenantId(), null,
				Money.ofRoubles("7000.49"), combined.method(), combined.status(), combined.idempotenceKey(),
				combined.provider(), null, null, combined.returnUrl(), NOW, NOW, null, combined.parts()))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
