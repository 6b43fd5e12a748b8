package ru.kredo.payments;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a payment says about itself, as the payer sees it at the provider and the fiscal receipt prints it.
 *
 * @param description what is paid: the contract and the agency (never an internal id), at most
 *        {@value #MAX_DESCRIPTION} characters as ЮKassa takes them; shortened with «…» when longer
 * @param customerPhone the payer's phone for the receipt, in E.164 ({@code +79161234567}); sent as digits only
 * @param customerEmail the payer's e-mail for the receipt, used when there is no phone
 */
public record PaymentDetails(String description, String customerPhone, String customerEmail) {

	/** ЮKassa's limit for a payment's {@code description} and for a receipt item's {@code description}. */
	public static final int MAX_DESCRIPTION = 128;

	/** For a caller that knows nothing of the payer: no receipt can be issued for such a payment. */
	public static final PaymentDetails UNKNOWN_PAYER = new PaymentDetails(null, null, null);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	public PaymentDetails {
		description = shorten(description == null || description.isBlank() ? "Оплата задолженности" : description.strip());
		customerPhone = customerPhone == null || customerPhone.isBlank() ? null : customerPhone.replaceAll("\\D", "");
		customerEmail = customerEmail == null || customerEmail.isBlank() ? null : customerEmail.strip();
	}

	/**
	 * The description of a payment towards a debt: «Оплата по договору № КД-77/2021 от 01.04.2021, ООО ПКО «Возврат»».
	 * The contract comes first, so that shortening to {@value #MAX_DESCRIPTION} characters cuts the agency's name, not it.
	 */
	public static String towardsDebt(String contractNumber, LocalDate contractDate, String agency) {
		return "Оплата по договору № " + contractNumber + (contractDate == null ? "" : " от " + DATE.format(contractDate))
				+ ", " + agency;
	}

	/**
	 * The description of one payment over several debts («Оплатить всё»): «Оплата по договорам № КД-1/2021, № КД-2/2021,
	 * ООО ПКО «Возврат»»; the contracts first, for the same reason as {@link #towardsDebt}.
	 */
	public static String towardsDebts(List<String> contractNumbers, String agency) {
		return "Оплата по договорам " + contractNumbers.stream().map(number -> "№ " + number)
			.collect(Collectors.joining(", ")) + ", " + agency;
	}

	/**
	 * A fiscal receipt's line for one debt of a payment over several: «Погашение задолженности по договору № КД-77/2021
	 * от 01.04.2021».
	 */
	public static String repayingDebt(String contractNumber, LocalDate contractDate) {
		return "Погашение задолженности по договору № " + contractNumber
				+ (contractDate == null ? "" : " от " + DATE.format(contractDate));
	}

	private static String shorten(String text) {
		return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 1).strip() + "…";
	}
}
