package ru.kredo.contacting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.Reachable;
import ru.kredo.TextedCodes;
import ru.kredo.audit.AuditActor;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.AgencyProfile;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.conversations.DebtorNotices;
import ru.kredo.conversations.Upload;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/**
 * The e-mail channel behind the gate, over real SMTP received by an in-process mail server: an e-mail comes from the
 * agency's own address (its envelope from the platform's), names the agency in its subject, is logged (address sealed)
 * and counted with the texts against the same limits, held to his hours, failed and uncounted when the server is
 * down, refused without the agency's e-mail, dropped without his; a debtor with no phone gets his reminder by e-mail.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DebtorMailIntegrationTests {

	static final String ENVELOPE = "bounces@kredo.example";
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
		properties.add("kredo.contacting.mail.envelope-from", () -> ENVELOPE);
	}

	@Autowired
	Fixtures fixtures;

	@Autowired
	Reachable reachable;

	@Autowired
	AgencyRequisites requisites;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	DebtorNotices notices;

	@Autowired
	Contacting gate;

	@Autowired
	HeldMessages queue;

	@Autowired
	ContactStatements statements;

	@Autowired
	TextedCodes codes;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	JavaMailSender mailSender;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalData personalData;

	@Autowired
	MockMvc mvc;

	Provisioned agency;
	TenantId tenant;
	String agencyEmail;

	@BeforeEach
	void anAgencyWithItsOwnEmail() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		tenant = agency.tenant().id();
		reachable.named(tenant);
		agencyEmail = "info-" + UUID.randomUUID().toString().substring(0, 8) + "@vozvrat.example";
		requisites.save(tenant, new AgencyProfile(requisites.of(tenant).orElseThrow(), null, agencyEmail, null, null,
				null), agency.tenant().name());
	}

	@Test
	void anEmailComesFromTheAgencyNamesItAndIsLoggedSealedAndCounted() throws Exception {
		Contact debtor = debtor(true, true);
		reachable.awake(tenant, debtor.id());

		Contacting.Attempt attempt = gate.send(email(debtor, "plan.instalment-due"));

		assertThat(attempt.state()).isEqualTo(Contacting.State.SENT);
		MimeMessage mail = single(debtor.email());
		assertThat(mail.getFrom()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly(agencyEmail);
		assertThat(mail.getReplyTo()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly(agencyEmail);
		assertThat(mail.getHeader("Return-Path")).as("the platform's envelope sender, for SPF")
			.containsExactly("<" + ENVELOPE + ">");
		assertThat(mail.getSubject()).isEqualTo("«" + agency.tenant().name() + "»: платёж по плану");
		assertThat(((String) mail.getContent()).strip()).isEqualTo(text());
		Row row = rows().getFirst();
		assertThat(row.channel()).isEqualTo("EMAIL");
		assertThat(row.state()).isEqualTo("SENT");
		assertThat(row.counted()).isTrue();
		assertThat(new String(row.sealedAddress(), java.nio.charset.StandardCharsets.ISO_8859_1))
			.as("the address is sealed").doesNotContain(debtor.email());
		assertThat(personalData.open("contact_attempts.address", new Sealed(row.sealedAddress())))
			.isEqualTo(debtor.email());
	}

	@Test
	void textsAndEmailsCountTogetherAgainstTheDaysTwo() throws Exception {
		Contact debtor = debtor(true, true);
		reachable.awake(tenant, debtor.id());
		Debt debt = debt(debtor);

		notices.planBehind(tenant, debtor.id(), debt.id(), Money.ofRoubles("1000"), calendar.today());
		Contacting.Attempt second = gate.send(email(debtor, "plan.behind"));
		notices.planInstalmentDue(tenant, debtor.id(), debt.id(), Money.ofRoubles("1000"), calendar.today().plusDays(2));

		assertThat(second.state()).isEqualTo(Contacting.State.SENT);
		assertThat(rows()).extracting(row -> row.channel() + " " + row.state() + " " + row.reason() + " " + row.counted())
			.containsExactly("SMS HELD DAY_LIMIT false", "EMAIL SENT null true", "SMS SENT null true");
		assertThat(codes.count(tenant)).isEqualTo(1);
		assertThat(received(debtor.email())).hasSize(1);
	}

	@Test
	void anEmailOutsideHisHoursWaitsForHisMorning() throws Exception {
		Contact debtor = debtor(true, true);
		reachable.asleep(tenant, debtor.id());

		Contacting.Attempt held = gate.send(email(debtor, "plan.instalment-due"));

		assertThat(held.state()).isEqualTo(Contacting.State.HELD);
		assertThat(held.reason()).isEqualTo(Reason.HOURS);
		assertThat(received(debtor.email())).isEmpty();
		queue.drain(tenant, held.dueAt());
		assertThat(rows().getFirst().state()).isEqualTo("SENT");
		assertThat(single(debtor.email()).getSubject()).isEqualTo("«" + agency.tenant().name() + "»: платёж по плану");
	}

	@Test
	void withTheMailServerDownTheEmailFailsAndIsNotCounted() throws Exception {
		Contact debtor = debtor(true, true);
		reachable.awake(tenant, debtor.id());
		JavaMailSenderImpl sender = (JavaMailSenderImpl) mailSender;
		int port = sender.getPort();
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		sender.setPort(closed);
		try {
			gate.send(email(debtor, "plan.instalment-due"));
		}
		finally {
			sender.setPort(port);
		}

		Row row = rows().getFirst();
		assertThat(row.state()).isEqualTo("FAILED");
		assertThat(row.counted()).isFalse();
		assertThat(received(debtor.email())).isEmpty();

		// The server back, the next goes: the failure was the server's, and the failed one took none of his two.
		gate.send(email(debtor, "plan.instalment-due"));
		assertThat(rows()).extracting(r -> r.state() + " " + r.counted()).containsExactly("SENT true", "FAILED false");
		assertThat(single(debtor.email()).getSubject()).contains(agency.tenant().name());
	}

	/**
	 * A mail server that refuses the recipient names him in its reply, as Postfix does («550 5.1.1 <…>: Recipient
	 * address rejected»): the attempt fails, and the log says why without the debtor's address.
	 */
	@Test
	void aRecipientTheMailServerRefusesFailsWithoutHisAddressInTheLog(CapturedOutput output) throws Exception {
		Contact debtor = debtor(true, true);
		reachable.awake(tenant, debtor.id());
		JavaMailSenderImpl sender = (JavaMailSenderImpl) mailSender;
		int port = sender.getPort();
		try (RefusingMailServer refusing = new RefusingMailServer()) {
			sender.setPort(refusing.port());
			gate.send(email(debtor, "plan.instalment-due"));
			assertThat(refusing.refused()).as("the server was asked and refused him").contains(debtor.email());
		}
		finally {
			sender.setPort(port);
		}

		assertThat(rows().getFirst().state()).isEqualTo("FAILED");
		assertThat(output.getAll()).contains("The channel refused message").doesNotContain(debtor.email())
			.doesNotContain(debtor.email().substring(0, debtor.email().indexOf('@')));
	}

	@Test
	void aCollectionEmailWithoutTheAgencysEmailIsRefused() throws Exception {
		requisites.save(tenant, AgencyProfile.of(requisites.of(tenant).orElseThrow()), agency.tenant().name());
		Contact debtor = debtor(true, true);
		reachable.awake(tenant, debtor.id());

		Contacting.Attempt attempt = gate.send(email(debtor, "plan.instalment-due"));

		assertThat(attempt.state()).isEqualTo(Contacting.State.REFUSED);
		assertThat(attempt.reason()).isEqualTo(Reason.NO_SENDER);
		assertThat(received(debtor.email())).isEmpty();
	}

	@Test
	void anEmailToADebtorWithNoEmailOnFileIsDropped() {
		Contact debtor = debtor(true, false);
		reachable.awake(tenant, debtor.id());

		Contacting.Attempt attempt = gate.send(email(debtor, "plan.instalment-due"));

		assertThat(attempt.state()).isEqualTo(Contacting.State.DROPPED);
		assertThat(attempt.reason()).isEqualTo(Reason.NO_ADDRESS);
	}

	@Test
	void aDebtorWithNoPhoneGetsHisPlanReminderByEmail() throws Exception {
		Contact debtor = debtor(false, true);
		reachable.awake(tenant, debtor.id());
		Debt debt = debt(debtor);

		notices.planInstalmentDue(tenant, debtor.id(), debt.id(), Money.ofRoubles("1000"), calendar.today().plusDays(2));

		Row row = rows().getFirst();
		assertThat(row.channel() + " " + row.state() + " " + row.counted()).isEqualTo("EMAIL SENT true");
		MimeMessage mail = single(debtor.email());
		assertThat(mail.getSubject()).isEqualTo("«" + agency.tenant().name() + "»: платёж по плану");
		assertThat(((String) mail.getContent()).strip()).contains("«" + agency.tenant().name() + "»", Reachable.AGENCY_PHONE,
				"/cabinet/" + tenant.value() + "/debts/" + debt.id().value());
		assertThat(codes.count(tenant)).isZero();
	}

	/**
	 * A held message goes by the channel it would go by now (HeldMessages): held at night as a text to the phone-less
	 * debtor's representative, whose statement is withdrawn before the morning, it goes to the debtor by e-mail — the
	 * row re-channelled and re-addressed, logged as the e-mail it is.
	 */
	@Test
	void aTextHeldForHisRepresentativeGoesToThePhonelessDebtorByEmailOnceTheStatementIsWithdrawn() throws Exception {
		Contact debtor = debtor(false, true);
		reachable.asleep(tenant, debtor.id());
		Debt debt = debt(debtor);
		ContactStatement statement = statements.nameRepresentative(tenant, debtor.id(), "Петров Иван Сергеевич",
				"+7 903 111-22-33", "г. Москва, ул. Адвокатская, д. 1", "petrov@advokat.ru", true,
				new Upload("заявление.pdf", RepresentativeIntegrationTests.PDF));
		statements.confirm(tenant, statement.id(), null, AuditActor.COMMAND_LINE);

		notices.planInstalmentDue(tenant, debtor.id(), debt.id(), Money.ofRoubles("1000"), calendar.today().plusDays(5));
		Row held = rows().getFirst();
		assertThat(held.channel() + " " + held.state()).isEqualTo("SMS HELD");
		assertThat(personalData.open("contact_attempts.address", new Sealed(held.sealedAddress())))
			.as("held for the representative's phone").isEqualTo("+79031112233");
		java.time.Instant dueAt = jdbc.sql("""
				select due_at from contact_attempts where tenant_id = ? and purpose = 'plan.instalment-due'""")
			.param(tenant.value()).query(java.sql.Timestamp.class).single().toInstant();

		statements.withdraw(tenant, debtor.id(), statement.id());
		queue.drain(tenant, dueAt);

		Row sent = rows().getFirst();
		assertThat(sent.channel() + " " + sent.state() + " " + sent.counted()).isEqualTo("EMAIL SENT true");
		assertThat(personalData.open("contact_attempts.address", new Sealed(sent.sealedAddress())))
			.isEqualTo(debtor.email());
		assertThat(jdbc.sql("select recipient from contact_attempts where tenant_id = ? and purpose = 'plan.instalment-due'")
			.param(tenant.value()).query(String.class).single()).isEqualTo("DEBTOR");
		// the agency's answer to his statement, held for the representative too, goes to him by e-mail the same way
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received(debtor.email()).size() == 2);
		assertThat(received(debtor.email())).extracting(MimeMessage::getSubject)
			.containsOnlyOnce("«" + agency.tenant().name() + "»: платёж по плану");
	}

	@Test
	void aDebtorWithNeitherIsDroppedAsBefore() {
		Contact debtor = debtor(false, false);
		reachable.awake(tenant, debtor.id());
		Debt debt = debt(debtor);

		notices.planInstalmentDue(tenant, debtor.id(), debt.id(), Money.ofRoubles("1000"), calendar.today().plusDays(2));

		Row row = rows().getFirst();
		assertThat(row.channel() + " " + row.state() + " " + row.reason()).isEqualTo("SMS DROPPED NO_ADDRESS");
	}

	@Test
	void theTextsPageNamesTheAgencysEmailAsTheSenderOrWarnsWithoutIt() throws Exception {
		assertThat(templatesPage()).contains("Письма должникам уходят от e-mail агентства в реквизитах, " + agencyEmail)
			.doesNotContain("no-agency-email");
		requisites.save(tenant, AgencyProfile.of(requisites.of(tenant).orElseThrow()), agency.tenant().name());
		assertThat(templatesPage()).contains("id=\"no-agency-email\"", "В реквизитах агентства нет e-mail");
	}

	private String templatesPage() throws Exception {
		return mvc.perform(get("/contact-templates").with(user(fixtures.admin(agency)))).andReturn().getResponse()
			.getContentAsString();
	}

	private Outbound email(Contact debtor, String purpose) {
		return Outbound.email(tenant, debtor.id(), null, Initiative.COLLECTION, purpose, text(), null, null);
	}

	private String text() {
		return "«" + agency.tenant().name() + "»: платёж по плану 1 000 ₽. Тел. " + Reachable.AGENCY_PHONE;
	}

	private Contact debtor(boolean phone, boolean email) {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		return contacts.add(tenant, new FullName(Fixtures.uniqueSurname("Почтов"), "Иван", "Петрович"),
				LocalDate.of(1980, 5, 20), null, null, null, phone ? PhoneNumber.parse("+7 916 555-12-34") : null,
				email ? "debtor-" + unique + "@example.ru" : null);
	}

	private Debt debt(Contact debtor) {
		return debts.add(tenant, debtor.id(), "ПАО «Банк»", "КД-" + UUID.randomUUID(), LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("20000"), Money.ZERO), 200);
	}

	private static List<MimeMessage> received(String to) throws Exception {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
					.anyMatch(a -> ((InternetAddress) a).getAddress().equals(to));
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static MimeMessage single(String to) throws Exception {
		assertThat(smtp.waitForIncomingEmail(Duration.ofSeconds(5).toMillis(), 1)).isTrue();
		List<MimeMessage> mails = received(to);
		assertThat(mails).hasSize(1);
		return mails.getFirst();
	}

	/**
	 * An SMTP server (RFC 5321) that greets, accepts the sender and refuses every recipient with Postfix's reply,
	 * which quotes the address; it remembers what it refused.
	 */
	static final class RefusingMailServer implements AutoCloseable {

		private final ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
		private final StringBuilder refused = new StringBuilder();
		private final Thread serving = Thread.ofVirtual().start(this::serve);

		RefusingMailServer() throws IOException {
		}

		int port() {
			return socket.getLocalPort();
		}

		synchronized String refused() {
			return refused.toString();
		}

		private void serve() {
			while (!socket.isClosed()) {
				try (java.net.Socket client = socket.accept();
						var in = new java.io.BufferedReader(new java.io.InputStreamReader(client.getInputStream(),
								java.nio.charset.StandardCharsets.US_ASCII));
						var out = new java.io.PrintWriter(client.getOutputStream(), true,
								java.nio.charset.StandardCharsets.US_ASCII)) {
					out.print("220 mx.example.ru ESMTP Postfix\r\n");
					out.flush();
					for (String line = in.readLine(); line != null; line = in.readLine()) {
						String command = line.toUpperCase(java.util.Locale.ROOT);
						if (command.startsWith("EHLO")) {
							out.print("250-mx.example.ru\r\n250 8BITMIME\r\n");
						}
						else if (command.startsWith("RCPT TO:")) {
							String address = line.substring("RCPT TO:".length()).strip();
							synchronized (this) {
								refused.append(address);
							}
							out.print("550 5.1.1 " + address
									+ ": Recipient address rejected: User unknown in virtual mailbox table\r\n");
						}
						else if (command.startsWith("QUIT")) {
							out.print("221 2.0.0 Bye\r\n");
							out.flush();
							break;
						}
						else {
							out.print("250 2.0.0 Ok\r\n");
						}
						out.flush();
					}
				}
				catch (IOException closed) {
					return;
				}
			}
		}

		@Override
		public void close() throws Exception {
			socket.close();
			serving.join(5000);
		}
	}

	record Row(String channel, String state, String reason, boolean counted, byte[] sealedAddress) {
	}

	/** The tenant's attempts, newest first. */
	private List<Row> rows() {
		return jdbc.sql("""
				select channel, state, reason, counted, address from contact_attempts where tenant_id = ?
				order by created_at desc, id""")
			.param(tenant.value())
			.query((row, n) -> new Row(row.getString("channel"), row.getString("state"), row.getString("reason"),
					row.getBoolean("counted"), row.getBytes("address")))
			.list();
	}
}
