package ru.kredo.contacting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.contacting.internal.DebtorMail;
import ru.kredo.contacting.internal.SmsGateway;
import ru.kredo.tenancy.TenantId;

/**
 * 137-ФЗ at send time: a message other than a code he asked for names the agency and its phone, and a collection text
 * that really leaves Kredo comes from the agency's registered sender name, a collection e-mail from the agency's own
 * e-mail — refused with its reason otherwise.
 */
class ContactingNamesTests {

	private static final String TEXT = "«ПКО Возврат»: платёж 1 000 ₽ до 01.01.2027. Тел. +7 495 000-00-00";

	private final TenantId tenant = new TenantId(UUID.randomUUID());
	private final ContactTemplates templates = mock(ContactTemplates.class);
	private final SmsGateway sms = mock(SmsGateway.class);
	private Contacting gate;

	@BeforeEach
	void aGate() {
		when(templates.agencyName(tenant)).thenReturn("ПКО Возврат");
		when(templates.phone(tenant)).thenReturn(Optional.of("+7 495 000-00-00"));
		when(templates.sender(tenant)).thenReturn(Optional.empty());
		when(templates.email(tenant)).thenReturn(Optional.empty());
		gate = new Contacting(null, null, null, null, BusinessCalendar.inMoscow(Clock.systemUTC()), null, null, sms,
				mock(DebtorMail.class), templates, null, null, mock(PlatformTransactionManager.class));
	}

	@Test
	void aCollectionTextThatReallyGoesOutNeedsTheAgencysRegisteredSender() {
		when(sms.isOutbox()).thenReturn(false);
		assertThat(gate.unnamed(gate.batch(), tenant, Channel.SMS, Initiative.COLLECTION, TEXT)).isEqualTo(Reason.NO_SENDER);
		assertThat(gate.unnamed(gate.batch(), tenant, Channel.SMS, Initiative.REPLY, TEXT)).as("a reply goes under the platform's")
			.isNull();
		when(templates.sender(tenant)).thenReturn(Optional.of("Vozvrat"));
		assertThat(gate.unnamed(gate.batch(), tenant, Channel.SMS, Initiative.COLLECTION, TEXT)).isNull();
	}

	@Test
	void inTheOutboxNoSenderIsNeeded() {
		when(sms.isOutbox()).thenReturn(true);
		assertThat(gate.unnamed(gate.batch(), tenant, Channel.SMS, Initiative.COLLECTION, TEXT)).isNull();
	}

	@Test
	void aTextThatDoesNotNameTheAgencyAndItsPhoneIsRefusedButACodeIsNot() {
		when(sms.isOutbox()).thenReturn(true);
		assertThat(gate.unnamed(gate.batch(), tenant, Channel.SMS, Initiative.COLLECTION, "Платёж 1 000 ₽. Тел. +7 495 000-00-00"))
			.isEqualTo(Reason.UNNAMED_CREDITOR);
		assertThat(gate.unnamed(gate.batch(), tenant, Channel.SMS, Initiative.REPLY, "«ПКО Возврат» ответило вам"))
			.isEqualTo(Reason.UNNAMED_CREDITOR);
		when(templates.phone(tenant)).thenReturn(Optional.empty());
		assertThat(gate.unnamed(gate.batch(), tenant, Channel.SMS, Initiative.COLLECTION, TEXT)).as("no phone on the requisites")
			.isEqualTo(Reason.UNNAMED_CREDITOR);
		assertThat(gate.unnamed(gate.batch(), tenant, Channel.SMS, Initiative.REQUESTED_CODE, "Код 123456")).isNull();
	}

	@Test
	void aCollectionEmailComesFromTheAgencysOwnAddressAndNamesItAsATextDoes() {
		when(sms.isOutbox()).thenReturn(true);
		assertThat(gate.unnamed(gate.batch(), tenant, Channel.EMAIL, Initiative.COLLECTION, TEXT)).as("no e-mail on the requisites")
			.isEqualTo(Reason.NO_SENDER);
		assertThat(gate.unnamed(gate.batch(), tenant, Channel.EMAIL, Initiative.REPLY, TEXT)).as("a reply goes from the platform's")
			.isNull();
		when(templates.email(tenant)).thenReturn(Optional.of("info@vozvrat.example"));
		assertThat(gate.unnamed(gate.batch(), tenant, Channel.EMAIL, Initiative.COLLECTION, TEXT)).isNull();
		assertThat(gate.unnamed(gate.batch(), tenant, Channel.EMAIL, Initiative.COLLECTION, "Платёж 1 000 ₽. Тел. +7 495 000-00-00"))
			.isEqualTo(Reason.UNNAMED_CREDITOR);
	}

	@Test
	void anEmailsSubjectNamesTheAgency() {
		assertThat(DebtorMail.subject("ПКО Возврат", "plan.instalment-due")).isEqualTo("«ПКО Возврат»: платёж по плану");
		assertThat(DebtorMail.subject("ПКО Возврат", "something.else")).isEqualTo("«ПКО Возврат»: сообщение");
	}
}
