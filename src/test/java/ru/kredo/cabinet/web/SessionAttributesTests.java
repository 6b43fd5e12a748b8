package ru.kredo.cabinet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.kredo.cabinet.SignedInDebtor;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.FullName;
import ru.kredo.payments.PaymentMethod;
import ru.kredo.tenancy.TenantId;

/**
 * What the cabinet keeps in a debtor's session survives being written out and read back: Tomcat writes sessions to
 * disk at a clean stop, and a session store in a database (issue 16) writes every one. {@code SignedInDebtor} claimed
 * to be {@code Serializable} while its ids were not, so writing it failed.
 */
class SessionAttributesTests {

	@Test
	void everyAttributeTheCabinetKeepsInASessionIsWrittenAndReadBack() throws Exception {
		ContactId debtor = new ContactId(UUID.randomUUID());
		List<Object> attributes = List.of(new SignedInDebtor(new TenantId(UUID.randomUUID()), debtor),
				new SignedInDebtor(new TenantId(UUID.randomUUID()), debtor, "+79180000000"),
				new CabinetController.RecordedView(UUID.randomUUID(), debtor, Instant.now()),
				new CabinetController.PendingSignIn(UUID.randomUUID(), UUID.randomUUID(), Instant.now(), null, Instant.now(),
						"Лебедева Ольга Сергеевна", "+79180000000"),
				new CabinetController.DeclinedPayment(UUID.randomUUID().toString(), "КД-1", "9\u00a0000,00\u00a0₽", "9000.00",
						PaymentMethod.SBP),
				new FullName("Лебедева", "Ольга", "Сергеевна"));
		for (Object attribute : attributes) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
				out.writeObject(attribute);
			}
			try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
				assertThat(in.readObject()).isEqualTo(attribute);
			}
		}
	}
}
