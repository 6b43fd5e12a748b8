package ru.kredo.contacting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.cabinet.web.CabinetMvc;
import ru.kredo.calendar.ProductionCalendar;
import ru.kredo.collections.DebtComponents;
import ru.kredo.collections.Debts;
import ru.kredo.contacting.ContactStatement.State;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.money.Money;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantClocks;
import ru.kredo.tenancy.TenantKind;

/**
 * The debtor's statements of ст. 8 230-ФЗ: from the cabinet's «Ваши права» to the inbox's «Заявления о
 * взаимодействии», confirmed by an operator into a bar that the contact rules refuse a collection contact for, and
 * withdrawn by the debtor, which lifts it; a representative named with every wrong field said, kept sealed and shown on
 * the card; a refusal before four months of overdue refused with the day it may be sent; a declined one's reason read
 * by the debtor; another agency's and another debtor's statements not found.
 */
@IntegrationTest
class ContactStatementsIntegrationTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	private final ContactRules rules = new ContactRules(ProductionCalendar.russian());

	@Autowired
	MockMvc mvc;

	@Autowired
	CabinetMvc cabinet;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	ContactStatements statements;

	@Autowired
	ContactBars bars;

	@Autowired
	TenantClocks clocks;

	@Autowired
	JdbcClient jdbc;

	Provisioned agency;
	String door;
	Contact debtor;
	UserDetails staff;

	@BeforeEach
	void aDebtorLongOverdue() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		door = "/cabinet/" + agency.tenant().id();
		debtor = debtor("Лебедева");
		debtOf(debtor, 400);
		staff = fixtures.admin(agency);
	}

	@Test
	void aConfirmedRefusalBarsCollectionContactsUntilTheDebtorWithdrawsIt() throws Exception {
		MockHttpSession session = cabinet.signedIn(agency.tenant().id(), debtor.id());
		assertThat(cabinet.page(door + "/contacts", session)).contains(door + "/rights");
		assertThat(cabinet.page(door + "/rights", session)).contains("Отказ от взаимодействия и представитель",
				"только адвокат", "через нотариуса, заказным письмом с уведомлением о вручении", "refusal-form");

		assertThat(redirect(multipart(door + "/rights/refusal")
			.file(new MockMultipartFile("file", "отказ.pdf", "application/pdf", PDF)), session))
			.isEqualTo(door + "/rights#mine");
		ContactStatement statement = statements.ofDebtor(agency.tenant().id(), debtor.id()).getFirst();
		assertThat(statement.state()).isEqualTo(State.SUBMITTED);
		assertThat(statement.kind()).isEqualTo(BarKind.REFUSAL);
		byte[] stored = jdbc.sql("select content from contact_statements where id = ?").param(statement.id())
			.query(byte[].class).single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
		// Waiting is not a bar yet.
		assertThat(bars.standing(agency.tenant().id(), debtor.id())).isEmpty();
		assertThat(cabinet.page(door + "/rights", session)).contains("Отправлено, агентство проверяет")
			.doesNotContain("refusal-form");

		// The inbox's tab lists it; its page and file are the agency's staff's, audited.
		assertThat(cabinet.staffPage("/inbox/statements", staff)).contains(debtor.name().display(),
				"Отказ от взаимодействия", "/inbox/statements/" + statement.id());
		assertThat(cabinet.staffPage("/inbox", staff)).contains("/inbox/statements");
		assertThat(cabinet.staffPage("/inbox/statements/" + statement.id(), staff)).contains("отказ.pdf", "Подтвердить");
		MvcResult file = mvc.perform(get("/inbox/statements/{id}/file", statement.id()).with(user(staff))).andReturn();
		assertThat(file.getResponse().getContentAsByteArray()).isEqualTo(PDF);
		assertThat(audited("PERSONAL_DATA_VIEWED", statement.id().toString())).isEqualTo(2);

		assertThat(mvc.perform(post("/inbox/statements/{id}/confirm", statement.id()).with(user(staff)).with(csrf()))
			.andReturn().getResponse().getStatus()).isEqualTo(302);
		assertThat(statements.get(agency.tenant().id(), statement.id()).state()).isEqualTo(State.CONFIRMED);
		List<ContactBars.StandingBar> history = bars.history(agency.tenant().id(), debtor.id());
		assertThat(history).singleElement().satisfies(bar -> {
			assertThat(bar.isStanding()).isTrue();
			assertThat(bar.bar().kind()).isEqualTo(BarKind.REFUSAL);
			assertThat(bar.source()).isEqualTo("statement:" + statement.id());
		});
		assertThat(audited("CONTACT_STATEMENT_CONFIRMED", statement.id().toString())).isEqualTo(1);
		assertThat(decide(Initiative.COLLECTION)).satisfies(decision -> {
			assertThat(decision.verdict()).isEqualTo(Decision.Verdict.REFUSE);
			assertThat(decision.reason()).isEqualTo(Reason.REFUSAL);
		});
		assertThat(cabinet.page(door + "/rights", session)).contains("Принято агентством, действует",
				"Отозвать отказ от взаимодействия");

		// He withdraws it: the bar is lifted, contacts are allowed again.
		assertThat(cabinet.redirect(post(door + "/rights/{id}/withdraw", statement.id()), session))
			.isEqualTo(door + "/rights#mine");
		assertThat(statements.get(agency.tenant().id(), statement.id()).state()).isEqualTo(State.WITHDRAWN);
		assertThat(bars.standing(agency.tenant().id(), debtor.id())).isEmpty();
		assertThat(bars.history(agency.tenant().id(), debtor.id()).getFirst().liftedBy())
			.isEqualTo("debtor:" + debtor.id().value());
		assertThat(decide(Initiative.COLLECTION).verdict()).isNotEqualTo(Decision.Verdict.REFUSE);
		assertThat(audited("CONTACT_STATEMENT_WITHDRAWN", statement.id().toString())).isEqualTo(1);
		// And he may refuse again.
		assertThat(cabinet.page(door + "/rights", session)).contains("refusal-form", "Отозвано");
	}

	@Test
	void aRepresentativeIsAnAdvocateWithEveryDetailAndIsShownOnTheCardOnceConfirmed() throws Exception {
		MockHttpSession session = cabinet.signedIn(agency.tenant().id(), debtor.id());
		MvcResult wrong = mvc.perform(multipart(door + "/rights/representative").param("name", " ")
			.param("phone", "12").param("email", "не-почта").param("address", "").session(session).with(csrf()))
			.andReturn();
		assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo(door + "/rights#representative");
		assertThat(statements.ofDebtor(agency.tenant().id(), debtor.id())).isEmpty();
		String again = mvc.perform(get(door + "/rights").session(session).flashAttrs(wrong.getFlashMap()))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(again).contains("Укажите ФИО представителя", "Телефон не распознан", "Укажите почтовый адрес",
				"Электронная почта не распознана", "только адвокат: отметьте", "Приложите подписанное заявление",
				"value=\"не-почта\"");
		assertThat(again.split("class=\"invalid-feedback\"", -1)).hasSize(7);

		redirect(multipart(door + "/rights/representative")
			.file(new MockMultipartFile("file", "заявление.jpg", "image/jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1 }))
			.param("name", "Петров Иван Сергеевич").param("phone", "+7 916 111-22-33")
			.param("email", "petrov@advokat.example").param("address", "г. Москва, ул. Тверская, д. 1")
			.param("advocate", "true"), session);
		ContactStatement statement = statements.ofDebtor(agency.tenant().id(), debtor.id()).getFirst();
		assertThat(statement.kind()).isEqualTo(BarKind.REPRESENTATIVE);
		assertThat(statement.representative().name()).isEqualTo("Петров Иван Сергеевич");
		byte[] name = jdbc.sql("select representative_name from contact_statements where id = ?").param(statement.id())
			.query(byte[].class).single();
		assertThat(new String(name, StandardCharsets.UTF_8)).doesNotContain("Петров");

		statements.confirm(agency.tenant().id(), statement.id(), null, ru.kredo.audit.AuditActor.COMMAND_LINE);
		assertThat(bars.standing(agency.tenant().id(), debtor.id())).extracting(Bar::kind)
			.containsExactly(BarKind.REPRESENTATIVE);
		assertThat(decide(Initiative.COLLECTION).reason()).isEqualTo(Reason.REPRESENTATIVE);
		assertThat(cabinet.staffPage("/inbox/statements/of/" + debtor.id().value(), staff))
			.contains("Связываться только через представителя: Петров Иван Сергеевич", "petrov@advokat.example",
					"г. Москва, ул. Тверская, д. 1");
		assertThat(cabinet.staffPage("/debtors/" + debtor.id().value(), staff)).contains("/inbox/statements/of/");
	}

	@Test
	void aRefusalBeforeFourMonthsOfOverdueIsRefusedWithTheDayItMayBeSent() throws Exception {
		Contact recent = debtor("Свежева");
		debtOf(recent, 30);
		LocalDate from = clocks.today(agency.tenant().id()).minusDays(30).plusMonths(4);
		String day = from.format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
		MockHttpSession session = cabinet.signedIn(agency.tenant().id(), recent.id());
		assertThat(cabinet.page(door + "/rights", session)).contains("можно будет направить с " + day,
				"через 4 месяца").doesNotContain("refusal-form");
		MvcResult result = mvc.perform(multipart(door + "/rights/refusal")
			.file(new MockMultipartFile("file", "отказ.pdf", "application/pdf", PDF)).session(session).with(csrf()))
			.andReturn();
		assertThat(result.getFlashMap().get("problem")).isInstanceOfSatisfying(ru.kredo.platform.Rejected.class,
				problem -> assertThat(problem.code()).isEqualTo("statement.refusal-too-early"));
		assertThat(statements.ofDebtor(agency.tenant().id(), recent.id())).isEmpty();
		// A representative he may name at once.
		assertThat(cabinet.page(door + "/rights", session)).contains("representative-form");
	}

	@Test
	void aDeclinedStatementShowsTheDebtorWhyAndMakesNoBar() throws Exception {
		ContactStatement statement = statements.refuse(agency.tenant().id(), debtor.id(),
				new ru.kredo.conversations.Upload("скан.png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0 }));
		MvcResult empty = mvc.perform(post("/inbox/statements/{id}/decline", statement.id()).param("reason", " ")
			.with(user(staff)).with(csrf())).andReturn();
		assertThat(empty.getResponse().getStatus()).isEqualTo(422);
		assertThat(empty.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Напишите причину", "is-invalid");
		mvc.perform(post("/inbox/statements/{id}/decline", statement.id())
			.param("reason", "Заявление не подписано: пришлите подписанное").with(user(staff)).with(csrf()));
		assertThat(statements.get(agency.tenant().id(), statement.id()).state()).isEqualTo(State.DECLINED);
		assertThat(bars.standing(agency.tenant().id(), debtor.id())).isEmpty();
		assertThat(cabinet.page(door + "/rights", cabinet.signedIn(agency.tenant().id(), debtor.id())))
			.contains("Почему не принято: Заявление не подписано: пришлите подписанное", "refusal-form");
		// Answered once: confirming it now is refused, and still no bar.
		mvc.perform(post("/inbox/statements/{id}/confirm", statement.id()).with(user(staff)).with(csrf()));
		assertThat(bars.standing(agency.tenant().id(), debtor.id())).isEmpty();
	}

	@Test
	void withdrawingHisCabinetStatementLeavesARefusalAnOperatorMarkedFromPaper() {
		bars.mark(agency.tenant().id(), debtor.id(), BarKind.REFUSAL, null, "operator", "Заказное письмо от 01.12",
				ru.kredo.audit.AuditActor.COMMAND_LINE);
		ContactStatement statement = statements.refuse(agency.tenant().id(), debtor.id(),
				new ru.kredo.conversations.Upload("отказ.pdf", PDF));
		statements.confirm(agency.tenant().id(), statement.id(), null, ru.kredo.audit.AuditActor.COMMAND_LINE);
		statements.withdraw(agency.tenant().id(), debtor.id(), statement.id());
		assertThat(bars.history(agency.tenant().id(), debtor.id())).singleElement().satisfies(bar -> {
			assertThat(bar.isStanding()).isTrue();
			assertThat(bar.source()).isEqualTo("operator");
		});
	}

	@Test
	void theSignedStatementIsAPdfOrAPictureByItsContentWithinTheChatsFileSize() {
		byte[] tooLarge = java.util.Arrays.copyOf(PDF, (int) statements.limits().maxAttachmentSize().toBytes() + 1);
		assertThat(refusedFile(new ru.kredo.conversations.Upload("отказ.pdf", tooLarge)))
			.startsWith("chat.attachment-too-large");
		assertThat(refusedFile(new ru.kredo.conversations.Upload("отказ.pdf", "<html>".getBytes(StandardCharsets.UTF_8))))
			.isEqualTo("statement.file-type");
		assertThat(refusedFile(new ru.kredo.conversations.Upload("отказ.pdf", new byte[0]))).isEqualTo("statement.file-empty");
		assertThat(refusedFile(null)).isEqualTo("statement.file-required");
		assertThat(statements.ofDebtor(agency.tenant().id(), debtor.id())).isEmpty();
	}

	private String refusedFile(ru.kredo.conversations.Upload file) {
		try {
			statements.refuse(agency.tenant().id(), debtor.id(), file);
			return "taken";
		}
		catch (ru.kredo.platform.InvalidFields invalid) {
			return invalid.errors().get("file").code();
		}
	}

	@Test
	void anotherAgencysStaffAndAnotherDebtorDoNotFindTheStatement() throws Exception {
		ContactStatement statement = statements.refuse(agency.tenant().id(), debtor.id(),
				new ru.kredo.conversations.Upload("отказ.pdf", PDF));
		UserDetails other = fixtures.admin(fixtures.tenant(TenantKind.COLLECTOR));
		assertThat(cabinet.status(get("/inbox/statements/{id}", statement.id()).with(user(other)))).isEqualTo(404);
		assertThat(cabinet.status(get("/inbox/statements/{id}/file", statement.id()).with(user(other)))).isEqualTo(404);
		assertThat(cabinet.status(post("/inbox/statements/{id}/confirm", statement.id()).with(user(other)).with(csrf())))
			.isEqualTo(404);
		Contact neighbour = debtor("Соседова");
		assertThat(cabinet.status(post(door + "/rights/{id}/withdraw", statement.id())
			.session(cabinet.signedIn(agency.tenant().id(), neighbour.id())).with(csrf()))).isEqualTo(404);
		assertThat(statements.get(agency.tenant().id(), statement.id()).state()).isEqualTo(State.SUBMITTED);
	}

	private String redirect(org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request,
			MockHttpSession session) throws Exception {
		MvcResult result = mvc.perform(request.session(session).with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		return result.getResponse().getRedirectedUrl();
	}

	private Decision decide(Initiative initiative) {
		Instant noonInMoscow = LocalDate.of(2026, 12, 2).atTime(12, 0).atZone(ZoneId.of("Europe/Moscow")).toInstant();
		return rules.decide(Channel.SMS, initiative, null, null, List.of(),
				bars.standing(agency.tenant().id(), debtor.id()), ZoneId.of("Europe/Moscow"), noonInMoscow);
	}

	private long audited(String action, String object) {
		return jdbc.sql("select count(*) from audit_events where tenant_id = ? and action = ? and object_id = ?")
			.params(agency.tenant().id().value(), action, object).query(Long.class).single();
	}

	private Contact debtor(String lastName) {
		String phone = "+7918" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		return contacts.add(agency.tenant().id(), new FullName(lastName, "Ольга", "Сергеевна"), LocalDate.of(1988, 4, 4),
				null, null, null, PhoneNumber.parse(phone), null);
	}

	private void debtOf(Contact who, int daysPastDue) {
		debts.add(agency.tenant().id(), who.id(), "ПАО «Банк»", "КД-" + UUID.randomUUID().toString().substring(0, 8),
				LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("10000.00"), Money.ZERO), daysPastDue);
	}
}
