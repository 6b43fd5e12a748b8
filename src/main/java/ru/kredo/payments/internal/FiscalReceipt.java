package ru.kredo.payments.internal;

import java.util.List;

import ru.kredo.money.Money;

/**
 * The 54-ФЗ receipt ЮKassa is asked to issue with a payment: one item per debt the payment repays (a payment towards
 * one debt has one), adding up to the payment's whole amount (ЮKassa refuses a receipt whose items do not add up to
 * the payment). What an item is, for the tax office, is fixed: see {@code docs/payments.md} for the choice and its
 * sources.
 *
 * @param customerPhone the payer's phone, digits only (E.164 without «+», as ЮKassa wants it); or {@code null}
 * @param customerEmail the payer's e-mail when there is no phone
 * @param items the receipt's lines, in the payment's order of parts
 */
public record FiscalReceipt(String customerPhone, String customerEmail, List<Item> items) {

	/** {@code vat_code} 1, «без НДС»: repaying a loan's debt is not subject to VAT (ст. 149 п. 3 пп. 15 НК РФ). */
	public static final int VAT_CODE = 1;
	/** {@code payment_subject} «платёж» (ФФД tag 1212 value 10): a repayment of a loan, not goods or a service. */
	public static final String PAYMENT_SUBJECT = "payment";
	/** {@code payment_mode} «оплата кредита» (ФФД tag 1214 value 7): paying off what was given on credit before. */
	public static final String PAYMENT_MODE = "credit_payment";

	public FiscalReceipt {
		if (customerPhone == null && customerEmail == null) {
			throw new IllegalArgumentException("A receipt needs the payer's phone or e-mail");
		}
		items = List.copyOf(items);
		if (items.isEmpty()) {
			throw new IllegalArgumentException("A receipt has at least one item");
		}
	}

	/** A receipt of one item, the repayment, for the whole amount. */
	public FiscalReceipt(String customerPhone, String customerEmail, String itemDescription, Money amount) {
		this(customerPhone, customerEmail, List.of(new Item(itemDescription, amount)));
	}

	/** What the receipt's items come to: the payment's amount, which ЮKassa checks. */
	public Money amount() {
		return items.stream().map(Item::amount).reduce(Money.ZERO, Money::plus);
	}

	/** One line of the receipt: one debt's repayment, quantity 1. */
	public record Item(String description, Money amount) {
	}
}
