package ru.kredo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactedTests {

	@Test
	void aMailServersRefusalLosesTheAddressItQuotes() {
		IllegalStateException refused = new IllegalStateException("Failed messages: jakarta.mail.SendFailedException: "
				+ "Invalid Addresses;\n  nested exception is:\n\tSMTPAddressFailedException: 550 5.1.1 "
				+ "<ivan.petrov+debt@mail.ru>: Recipient address rejected",
				new RuntimeException("550 5.1.1 <ivan.petrov+debt@mail.ru>: unknown"));

		String logged = Redacted.message(refused);

		assertThat(logged).doesNotContain("ivan.petrov", "mail.ru").contains("IllegalStateException", "550 5.1.1",
				"<<e-mail>>: Recipient address rejected", "caused by RuntimeException");
	}

	@Test
	void phonesAreReplacedInEveryUsualWritingButIdsAndCountsStay() {
		for (String phone : new String[] { "+79161234567", "89161234567", "+7 916 123-45-67", "8 (916) 123-45-67",
				"79161234567", "+7.916.123.45.67" }) {
			assertThat(Redacted.text("to " + phone + " refused")).as(phone).isEqualTo("to <phone> refused");
		}
		String ids = "delivery 52691b75-dcb2-40ba-b06a-fd893d81a912, tenant 12345678-1234-1234-1234-123456789012, "
				+ "HTTP 503 after 30000 ms, 2026-12-07T08:56:54Z";
		assertThat(Redacted.text(ids)).isEqualTo(ids);
	}
}
