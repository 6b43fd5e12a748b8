package ru.kredo.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import ru.kredo.money.Money;
import ru.kredo.platform.Rejected;

class AllocationTests {

	/** State duty 1 500, fees 300, interest 4 000, principal 20 000, penalties 2 000.50: 27 800.50 in all. */
	private final DebtComponents debt = DebtComponents.of(rub("1500"), rub("300"), rub("4000"), rub("20000"),
			rub("2000.50"));

	@Test
	void paysCostsThenInterestThenPrincipalAsArticle319Says() {
		Allocation allocation = AllocationOrder.ARTICLE_319.allocate(rub("10000"), debt);

		assertThat(allocation.parts()).containsExactly(entry(DebtComponent.STATE_DUTY, "1500"),
				entry(DebtComponent.FEES, "300"), entry(DebtComponent.INTEREST, "4000"),
				entry(DebtComponent.PRINCIPAL, "4200"));
		assertThat(allocation.to(DebtComponent.PENALTIES)).isEqualTo(Money.ZERO);
	}

	@Test
	void penaltiesArePaidOnlyAfterThePrincipal() {
		Allocation allocation = AllocationOrder.ARTICLE_319.allocate(rub("26000"), debt);

		assertThat(allocation.to(DebtComponent.PRINCIPAL)).isEqualTo(rub("20000"));
		assertThat(allocation.to(DebtComponent.PENALTIES)).isEqualTo(rub("200"));
	}

	@Test
	void aSmallPartialPaymentGoesToTheFirstComponentOnly() {
		Allocation allocation = AllocationOrder.ARTICLE_319.allocate(rub("0.01"), debt);

		assertThat(allocation.parts()).containsExactly(entry(DebtComponent.STATE_DUTY, "0.01"));
	}

	@Test
	void partsAddUpToThePaymentExactlyToTheKopeck() {
		Money paid = rub("5799.99");
		Allocation allocation = AllocationOrder.ARTICLE_319.allocate(paid, debt);

		assertThat(allocation.total()).isEqualTo(paid);
		assertThat(allocation.to(DebtComponent.INTEREST)).isEqualTo(rub("3999.99"));
		assertThat(debt.minus(allocation).total()).isEqualTo(rub("22000.51"));
	}

	@Test
	void theWholeBalanceClosesEveryComponent() {
		Allocation allocation = AllocationOrder.ARTICLE_319.allocate(rub("27800.50"), debt);

		assertThat(debt.minus(allocation).total()).isEqualTo(Money.ZERO);
	}

	@Test
	void successivePaymentsContinueWhereTheLastOneStopped() {
		Allocation first = AllocationOrder.ARTICLE_319.allocate(rub("1000"), debt);
		DebtComponents left = debt.minus(first);
		Allocation second = AllocationOrder.ARTICLE_319.allocate(rub("1000"), left);

		assertThat(second.parts()).containsExactly(entry(DebtComponent.STATE_DUTY, "500"),
				entry(DebtComponent.FEES, "300"), entry(DebtComponent.INTEREST, "200"));
	}

	@Test
	void aConfiguredOrderIsFollowed() {
		AllocationOrder principalFirst = new AllocationOrder(List.of(DebtComponent.PRINCIPAL, DebtComponent.INTEREST,
				DebtComponent.PENALTIES, DebtComponent.FEES, DebtComponent.STATE_DUTY));

		Allocation allocation = principalFirst.allocate(rub("21000"), debt);

		assertThat(allocation.parts()).containsExactly(entry(DebtComponent.PRINCIPAL, "20000"),
				entry(DebtComponent.INTEREST, "1000"));
	}

	@Test
	void anOrderMustNameEveryComponentOnce() {
		assertThatThrownBy(() -> new AllocationOrder(List.of(DebtComponent.PRINCIPAL, DebtComponent.INTEREST)))
			.isInstanceOf(Rejected.class).hasMessage("payment.allocation-order-invalid");
		assertThatThrownBy(() -> new AllocationOrder(List.of(DebtComponent.PRINCIPAL, DebtComponent.PRINCIPAL,
				DebtComponent.INTEREST, DebtComponent.FEES, DebtComponent.STATE_DUTY)))
			.isInstanceOf(Rejected.class);
	}

	@Test
	void refusesMoreThanTheBalanceAndNothingAtAll() {
		assertThatThrownBy(() -> AllocationOrder.ARTICLE_319.allocate(rub("27800.51"), debt))
			.isInstanceOf(Rejected.class).hasMessage("payment.exceeds-balance");
		assertThatThrownBy(() -> AllocationOrder.ARTICLE_319.allocate(Money.ZERO, debt))
			.isInstanceOf(Rejected.class).hasMessage("payment.amount-required");
	}

	private static Money rub(String roubles) {
		return Money.ofRoubles(roubles);
	}

	private static java.util.Map.Entry<DebtComponent, Money> entry(DebtComponent component, String roubles) {
		return java.util.Map.entry(component, rub(roubles));
	}
}
