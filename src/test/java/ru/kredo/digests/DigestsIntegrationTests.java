package ru.kredo.digests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;
import ru.kredo.Fixtures;
import ru.kredo.accounts.User;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PassportNumber;
import ru.kredo.contacts.PersonDetails;
import ru.kredo.events.CreditEventIngestion;
import ru.kredo.monitoring.Consent;
import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.WatchTerms;
import ru.kredo.monitoring.Watches;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/** The morning digest over real SMTP, received by an in-process mail server. */
@SpringBootTest
@ActiveProfiles("test")
class DigestsIntegrationTests {

	static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		smtp.start();
	}

	@AfterAll
	static void stopMailServer() {
		smtp.stop();
	}

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry properties) {
		properties.add("spring.mail.host", () -> "127.0.0.1");
		properties.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@Autowired
	Fixtures fixtures;

	@Autowired
	Watches watches;

	@Autowired
	CreditEventIngestion ingestion;

	@Autowired
	SignalDigests digests;

	@Test
	void managersGetTheirOwnAndUnassignedSignalsAdminsGetAllAndNobodyGetsItTwice() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		User manager = fixtures.manager(broker);
		User colleague = fixtures.manager(broker);
		watch(broker, "Белов", "4701000001", manager);
		watch(broker, "Чернов", "4701000002", colleague);
		watch(broker, "Седов", "4701000003", null);
		ingest("Белов", "4701000001", "Чернов", "4701000002", "Седов", "4701000003");

		digests.sendAll();

		assertThat(to(broker.admin().email().value())).singleElement().satisfies(mail -> {
			assertThat(mail.getSubject()).isEqualTo("Kredo: срочных сигналов — 3, новых за сутки — 3 (" + broker.tenant().name() + ")");
			assertThat(text(mail)).contains("Белов", "Чернов", "Седов");
		});
		assertThat(to(manager.email().value())).singleElement().satisfies(mail -> assertThat(text(mail))
			.contains("Белов", "Седов").doesNotContain("Чернов"));

		int before = smtp.getReceivedMessages().length;
		digests.sendAll();
		assertThat(smtp.getReceivedMessages()).hasSize(before);
	}

	@Test
	void aBankruptcyIsNeverCountedAsUrgentAndStandsApartUnderStopContacting() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		watch(agency, Segment.DEBTOR, "Банкротов", "4702000001", null);
		watch(agency, Segment.DEBTOR, "Заёмщиков", "4702000002", null);
		ingestOfType("1.12", "Банкротов", "4702000001");
		ingestOfType("2.2", "Заёмщиков", "4702000002");

		digests.sendAll();

		assertThat(to(agency.admin().email().value())).singleElement().satisfies(mail -> {
			assertThat(mail.getSubject()).isEqualTo("Kredo: срочных сигналов — 1, прекратить контакты — 1, новых за сутки — 2 ("
					+ agency.tenant().name() + ")");
			String text = text(mail);
			int stop = text.indexOf("Прекратите контакты (1)");
			assertThat(stop).as("a section of its own").isPositive();
			assertThat(text.substring(0, stop)).contains("Заёмщиков").doesNotContain("Банкротов");
			assertThat(text.substring(stop)).contains("Банкротов").doesNotContain("Заёмщиков");
		});
	}

	private static String text(MimeMessage mail) {
		try {
			return (String) mail.getContent();
		}
		catch (jakarta.mail.MessagingException | java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<MimeMessage> to(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
			try {
				return mail.getAllRecipients()[0].toString().equals(address);
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private void watch(Provisioned broker, String lastName, String passport, User manager) {
		watch(broker, Segment.PROSPECT, lastName, passport, manager);
	}

	private void watch(Provisioned broker, Segment segment, String lastName, String passport, User manager) {
		watches.watch(broker.tenant().id(), new PersonDetails(new FullName(lastName, "Игорь", null), LocalDate.of(1980, 1, 2),
				PassportNumber.parse(passport), null, null, null, null),
				new WatchTerms(segment, 6, null, manager == null ? null : manager.id(), null,
						new Consent(watches.today(), "Подбор кредита", ConsentMethod.PAPER, null, null), null));
	}

	private void ingest(String... namesAndPassports) {
		ingestOfType("1.1", namesAndPassports);
	}

	private void ingestOfType(String type, String... namesAndPassports) {
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < namesAndPassports.length; i += 2) {
			lines.append("""
					{"source":"digest-test","eventId":"%s","type":"%s","occurredAt":"%s","subject":{"lastName":"%s","firstName":"Игорь","birthDate":"02.01.1980","passport":"%s"}}
					""".formatted(UUID.randomUUID(), type, watches.today(), namesAndPassports[i], namesAndPassports[i + 1]));
		}
		ingestion.ingest(new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)));
	}
}
