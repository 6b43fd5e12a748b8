package ru.kredo.documents;

import java.time.LocalDate;
import java.util.UUID;

import ru.kredo.money.Money;

/** A plausible certificate for a closed debt, a fresh debt reference each time. */
public final class SampleCertificates {

	private SampleCertificates() {
	}

	public static Agency agency() {
		return new Agency("ООО ПКО «Пример Взыскания»", "7701234560", "1177746123455",
				"125009, г. Москва, ул. Тверская, д. 7, офис 512", "+7 495 123-45-67");
	}

	public static RepaymentCertificate closedDebt() {
		return new RepaymentCertificate(UUID.randomUUID(), agency(), new PersonName("Семёнова", "Анна", "Петровна"),
				LocalDate.of(1985, 3, 14), "ПАО «Первый Банк»", new Contract("КД-2019/004512", LocalDate.of(2019, 4, 12)),
				LocalDate.of(2022, 6, 1), Money.ofRoubles("123456.78"), LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 23));
	}
}
