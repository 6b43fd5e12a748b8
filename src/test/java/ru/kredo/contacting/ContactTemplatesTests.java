package ru.kredo.contacting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** What a template must say (137-ФЗ), and how it is filled in. */
class ContactTemplatesTests {

	@Test
	void everyDefaultNamesTheAgencyAndItsPhone() {
		for (MessageTemplate template : MessageTemplate.values()) {
			assertThat(ContactTemplates.check(template.defaultText(), "ПКО Возврат", Optional.empty()))
				.as(template.name()).isNull();
		}
	}

	@Test
	void theAgencyAndItsPhoneMayBeWrittenOutWhateverThePunctuation() {
		Optional<String> phone = Optional.of("+7 (495) 000-00-01");
		assertThat(ContactTemplates.check("пко возврат: 8 495 000 00 01, {link}", "ПКО Возврат", phone)).isNull();
		assertThat(ContactTemplates.check("ПКО Возврат: 8 495 000 00 02, {link}", "ПКО Возврат", phone).code())
			.isEqualTo("contact-template.phone-missing");
		assertThat(ContactTemplates.check("Возврат: {phone}", "ПКО Возврат", phone).code())
			.isEqualTo("contact-template.agency-missing");
		assertThat(ContactTemplates.check("{agency} {phone} {sum}", "ПКО Возврат", phone).code())
			.isEqualTo("contact-template.unknown-placeholder");
		assertThat(ContactTemplates.check("{agency} {phone} " + "x".repeat(1000), "ПКО Возврат", phone).code())
			.isEqualTo("contact-template.too-long");
	}

	@Test
	void aTemplateIsFilledInPlaceholderByPlaceholder() {
		assertThat(ContactTemplates.render("«{agency}»: {amount} до {date}. {link} Тел. {phone}",
				Map.of("{agency}", "ПКО", "{amount}", "10 ₽", "{date}", "01.01.2027", "{link}", "https://k/x",
						"{phone}", "+7 495 000-00-00")))
			.isEqualTo("«ПКО»: 10 ₽ до 01.01.2027. https://k/x Тел. +7 495 000-00-00");
	}
}
