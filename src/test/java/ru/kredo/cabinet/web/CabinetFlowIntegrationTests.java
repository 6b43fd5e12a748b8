package ru.kredo.cabinet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jakarta.servlet.http.Cookie;
import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.Debt;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offers;
import ru.kredo.collections.PartPolicy;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.documents.Agency;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.collections.DebtComponents;
import ru.kredo.money.Money;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantKind;

/**
 * The debtor's flow as a phone's browser goes through it: every form of the cabinet answers with a redirect to a page
 * a GET shows again (reload, back, a restored tab), and nothing is sent twice; a wrong code keeps him on his step;
 * a declined payment says so; each text says what its code is for; a guest nobody matches is told what to check.
 */
@IntegrationTest
class CabinetFlowIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	Debts debts;

	@Autowired
	Offers offers;

	@Autowired
	AgencyRequisites requisites;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ru.kredo.plans.Plans plansService;

	@Autowired
	ru.kredo.plans.PlanQuotes plansQuotes;

	@Autowired
	PersonalData personalData;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	final Cookie visitor = new Cookie("kredo-visitor", UUID.randomUUID().toString());
	/** The phone's address, its own: the cabinet limits codes per address, and other tests ask from theirs. */
	final String address = "10.78." + Math.floorMod(UUID.randomUUID().hashCode(), 250) + "."
			+ Math.floorMod(UUID.randomUUID().hashCode(), 250);

	Provisioned agency;
	String door;
	String phone;
	Debt debt;
	/** The cabinet's POST addresses this test has seen answer with a redirect. */
	final Set<String> redirecting = new TreeSet<>();

	@Autowired
	ru.kredo.contacting.ContactStatements statements;

	@BeforeEach
	void aDebtorWithADiscountOnOffer() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		door = "/cabinet/" + agency.tenant().id();
		offers.addRule(agency.tenant().id(), "Всем", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		phone = "+7918" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact debtor = contacts.add(agency.tenant().id(), new FullName("Лебедева", "Ольга", "Сергеевна"),
				LocalDate.of(1988, 4, 4), null, null, null, PhoneNumber.parse(phone), null);
		debt = debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-" + phone.substring(5) + "/2021",
				LocalDate.of(2021, 1, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("10000.00"), Money.ZERO), 400);
	}

	@Test
	void everyFormOfTheCabinetAnswersWithARedirectToAStepAGetShowsAgain() throws Exception {
		MockHttpSession session = new MockHttpSession();

		// The door → the code step, which a GET shows again and again with no second text.
		assertThat(redirect(post(door + "/sign-in").param("fullName", "Лебедева Ольга Сергеевна").param("phone", phone),
				session)).isEqualTo(door + "/code");
		for (int reload = 0; reload < 3; reload++) {
			assertThat(page(door + "/code", session)).contains("name=\"code\"", "Введите код из SMS");
		}
		assertThat(codesTexted()).as("reloading the code step sends no code").isEqualTo(1);

		// A wrong code: the code step again, with the reason.
		assertThat(redirect(post(door + "/code").param("code", wrong(textedCode(1))), session)).isEqualTo(door + "/code");
		assertThat(page(door + "/code", session)).contains("Код не подходит", "name=\"code\"");
		// Another code before its time: refused on the code step, with the seconds left.
		assertThat(redirect(post(door + "/code/resend"), session)).isEqualTo(door + "/code");
		assertThat(page(door + "/code", session)).contains("Новый код можно запросить через", "name=\"code\"");
		assertThat(codesTexted()).isEqualTo(1);

		// The right code: the cabinet; the code step, asked for again (the back button), is the cabinet.
		assertThat(redirect(post(door + "/code").param("code", textedCode(1)), session)).isEqualTo(door + "/home");
		assertThat(mvc.perform(get(door + "/code").session(session).cookie(visitor)).andReturn().getResponse()
			.getRedirectedUrl()).isEqualTo(door + "/home");

		page(door + "/home", session);
		// The offer → the signing step, shown again by a GET, with no second code.
		String signing = door + "/debts/" + debt.id() + "/offer/sign";
		assertThat(redirect(post(signing), session)).isEqualTo(signing);
		for (int reload = 0; reload < 3; reload++) {
			assertThat(page(signing, session)).contains("ст. 415 ГК РФ", "name=\"code\"");
		}
		assertThat(codesTexted()).as("reloading the signing step sends no code").isEqualTo(2);
		String signingCode = textedCode(2);

		// A wrong signing code keeps him on the signing step, with the reason and the terms.
		String accept = door + "/debts/" + debt.id() + "/offer/accept";
		assertThat(redirect(post(accept).param("code", wrong(signingCode)), session)).isEqualTo(signing);
		assertThat(page(signing, session)).contains("Код не подходит", "ст. 415 ГК РФ", "name=\"code\"");
		assertThat(redirect(post(door + "/debts/" + debt.id() + "/offer/resend"), session)).isEqualTo(signing);
		assertThat(page(signing, session)).contains("Новый код можно запросить через", "ст. 415 ГК РФ");

		// The right one: signed, and the debt's page, which shows the settlement.
		String debtPage = door + "/debts/" + debt.id();
		assertThat(redirect(post(accept).param("code", signingCode), session)).isEqualTo(debtPage);
		assertThat(page(debtPage, session)).contains("осталось заплатить 9\u00a0000,00\u00a0₽");
		assertThat(mvc.perform(get(signing).session(session).cookie(visitor)).andReturn().getResponse()
			.getRedirectedUrl()).as("the signing step once signed").isEqualTo(debtPage);

		// A payment: to the provider's page, declined there, back through Kredo's return address to the debt's page.
		String sandbox = redirect(post(door + "/debts/" + debt.id() + "/pay").param("amount", "9000")
			.param("method", "SBP").param("key", UUID.randomUUID().toString()), session);
		assertThat(sandbox).startsWith("/payments/sandbox/");
		String back = mvc.perform(post(sandbox + "/decline").with(csrf())).andReturn().getResponse().getRedirectedUrl();
		assertThat(back).isEqualTo(door + "/debts/" + debt.id() + "/paid");
		assertThat(mvc.perform(get(back).session(session).cookie(visitor)).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo(debtPage);
		String declined = page(debtPage, session);
		assertThat(declined).contains("Оплата 9\u00a0000,00\u00a0₽ по договору № " + debt.contractNumber() + " не прошла.",
				"деньги не списаны", "Попробовать ещё раз", "name=\"amount\" value=\"9000.00\"");
		assertThat(page(debtPage, session)).as("said once, not on every reload").doesNotContain("не прошла");

		// The retry: the same payment asked for again, paid this time.
		String again = redirect(post(door + "/debts/" + debt.id() + "/pay").param("amount", "9000.00")
			.param("method", "SBP").param("key", UUID.randomUUID().toString()), session);
		mvc.perform(post(again + "/pay").with(csrf()));
		mvc.perform(get(back).session(session).cookie(visitor));
		assertThat(page(debtPage, session)).contains("Оплата прошла, спасибо!", "Погашен");
		assertThat(page(door + "/home", session)).contains("Долг погашен");

		// «Оплатить всё» over two more of his debts: to the provider's page, declined there, back through Kredo's return
		// address to his home, which says so once and offers it again (PayAllIntegrationTests has the rest).
		for (String contract : List.of("О-1-" + phone.substring(5), "О-2-" + phone.substring(5))) {
			debts.add(agency.tenant().id(), debt.contactId(), "ООО «МФО»", contract, LocalDate.of(2022, 3, 3), null,
					DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("1000.00"), Money.ZERO), 200);
		}
		String all = redirect(post(door + "/pay-all").param("method", "SBP").param("key", UUID.randomUUID().toString()),
				session);
		assertThat(all).startsWith("/payments/sandbox/");
		String allBack = mvc.perform(post(all + "/decline").with(csrf())).andReturn().getResponse().getRedirectedUrl();
		assertThat(allBack).isEqualTo(door + "/paid-all");
		assertThat(mvc.perform(get(allBack).session(session).cookie(visitor)).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo(door + "/home");
		assertThat(page(door + "/home", session)).contains("Оплата всех долгов на 2\u00a0000,00\u00a0₽ не прошла.",
				"Попробовать ещё раз");
		assertThat(page(door + "/home", session)).as("said once, not on every reload").doesNotContain("не прошла");

		// The consent to processing personal data, answered on its own form (CabinetAgencyIntegrationTests has the rest).
		java.util.regex.Matcher version = java.util.regex.Pattern.compile("name=\"version\" value=\"([^\"]+)\"")
			.matcher(page(door + "/home", session));
		assertThat(version.find()).isTrue();
		assertThat(redirect(post(door + "/consent").param("decision", "give").param("version", version.group(1)), session))
			.isEqualTo(door + "/home");

		// A message to the agency: the chat again, showing it (CabinetChatIntegrationTests has the rest).
		assertThat(redirect(post(door + "/chat").param("text", "Спасибо, оплатила"), session)).isEqualTo(door + "/chat");
		assertThat(page(door + "/chat", session)).contains("Спасибо, оплатила");

		// A dispute of another of his debts: its form by a GET, then the debt's page; his home's line says it is disputed
		// too (DisputesIntegrationTests has the rest).
		Debt other = debts.add(agency.tenant().id(), debt.contactId(), "ООО «МФО»", "З-" + phone.substring(5),
				LocalDate.of(2022, 2, 2), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("5000.00"), Money.ZERO), 200);
		String dispute = door + "/debts/" + other.id() + "/dispute";
		assertThat(page(dispute, session)).contains("name=\"explanation\"");
		assertThat(redirect(post(dispute).param("reason", "NOT_MINE").param("explanation", "Не брала"), session))
			.isEqualTo(door + "/debts/" + other.id());
		assertThat(page(door + "/home", session)).contains("Агентство требует — вы оспариваете");
		assertThat(page(door + "/debts/" + other.id(), session)).contains("Долг оспорен — агентство рассмотрит");

		// A document request from «Документы»: the page again, listing it (DocumentRequestsIntegrationTests has the rest).
		assertThat(redirect(post(door + "/documents/requests").param("type", "DEBT_CALCULATION")
			.param("debt", debt.id().value().toString()).param("comment", "Для суда"), session))
			.isEqualTo(door + "/documents#request");
		assertThat(page(door + "/documents", session)).contains("Запрос принят", "Расчёт задолженности");

		// A restructuring plan of a third debt: requested outside the policy, other terms proposed and declined, asked
		// again, proposed and accepted, the code resent too soon, texted again, signed, a date refused, what is left
		// re-planned (PlanFlowIntegrationTests has the rest).
		Debt planned = debts.add(agency.tenant().id(), debt.contactId(), "ООО «Банк»", "П-" + phone.substring(5),
				LocalDate.of(2022, 3, 3), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("30000.00"), Money.ZERO), 300);
		String plan = door + "/debts/" + planned.id() + "/plan";
		LocalDate first = plansQuotes.today(planned).plusDays(5);
		ru.kredo.audit.AuditActor staff = new ru.kredo.audit.AuditActor("user:" + agency.admin().id(), "Админ");
		for (String answer : List.of("decline-proposal", "withdraw", "accept-proposal")) {
			assertThat(redirect(post(plan + "/request").param("reason", "OTHER").param("by", "months").param("months", "30")
				.param("first", first.toString()), session)).isEqualTo(door + "/debts/" + planned.id() + "#plan-card");
			ru.kredo.plans.Plan asked = plansService.current(agency.tenant().id(), planned.id()).orElseThrow();
			plansService.propose(agency.tenant().id(), asked.id(), new ru.kredo.plans.Terms.ByMonths(3), first, staff);
			page(door + "/debts/" + planned.id(), session);
			redirect(post(plan + "/" + asked.id() + "/" + answer), session);
		}
		ru.kredo.plans.Plan accepted = plansService.current(agency.tenant().id(), planned.id()).orElseThrow();
		assertThat(accepted.status()).isEqualTo(ru.kredo.plans.PlanStatus.AWAITING_SIGNATURE);
		assertThat(redirect(post(plan + "/resend"), session)).isEqualTo(plan + "/sign");
		// codes, not texts, are counted: the resend's text may still be on its way (it goes on another thread)
		long sent = codesTexted();
		assertThat(redirect(post(plan + "/" + accepted.id() + "/sign"), session)).isEqualTo(plan + "/sign");
		assertThat(redirect(post(plan + "/confirm").param("code", textedCode((int) sent + 1)), session))
			.isEqualTo(door + "/debts/" + planned.id() + "#plan-card");
		assertThat(redirect(post(plan + "/" + accepted.id() + "/move").param("to", "завтра"), session))
			.isEqualTo(door + "/debts/" + planned.id() + "#plan-card");
		assertThat(redirect(post(plan + "/" + accepted.id() + "/replan").param("by", "months").param("months", "6")
			.param("first", first.toString()), session)).isEqualTo(door + "/debts/" + planned.id() + "#plan-card");
		assertThat(plansService.get(agency.tenant().id(), accepted.id()).instalments()).hasSize(6);

		// His rights under ст. 8 230-ФЗ: a representative named with the signed statement and withdrawn, then a refusal
		// sent, each back to the page (ContactStatementsIntegrationTests has the rest).
		String rights = door + "/rights";
		byte[] signed = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		assertThat(page(rights, session)).contains("representative-form", "refusal-form");
		assertThat(redirect(multipart(rights + "/representative")
			.file(new org.springframework.mock.web.MockMultipartFile("file", "заявление.pdf", "application/pdf", signed))
			.param("name", "Петров Иван Сергеевич").param("phone", "+7 916 111-22-33")
			.param("email", "petrov@advokat.example").param("address", "г. Москва, ул. Тверская, д. 1")
			.param("advocate", "true"), session)).isEqualTo(rights + "#mine");
		UUID named = statements.ofDebtor(agency.tenant().id(), debt.contactId()).getFirst().id();
		assertThat(redirect(post(rights + "/" + named + "/withdraw"), session)).isEqualTo(rights + "#mine");
		assertThat(redirect(multipart(rights + "/refusal")
			.file(new org.springframework.mock.web.MockMultipartFile("file", "отказ.pdf", "application/pdf", signed)), session))
			.isEqualTo(rights + "#mine");
		assertThat(page(rights, session)).contains("Отозвано", "Отправлено, агентство проверяет");

		assertThat(redirect(post(door + "/sign-out"), session)).isEqualTo(door);

		// Every POST the cabinet has is one of those just seen answering with a redirect.
		Set<String> cabinetPosts = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			if (info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
				info.getPatternValues().stream().filter(pattern -> pattern.startsWith("/cabinet/"))
					.forEach(cabinetPosts::add);
			}
		});
		assertThat(cabinetPosts).isNotEmpty().isEqualTo(redirecting);
	}

	@Test
	void eachTextSaysWhatItsCodeIsFor() throws Exception {
		MockHttpSession session = signedIn();
		page(door + "/home", session);
		String signIn = text(1);
		assertThat(signIn).startsWith("Код для входа в личный кабинет «" + agency.tenant().name() + "»: ")
			.doesNotContain("подписан");

		redirect(post(door + "/debts/" + debt.id() + "/offer/sign"), session);
		String signing = text(2);
		assertThat(signing).startsWith("Код для подписания соглашения по договору № " + debt.contractNumber() + " с «"
				+ agency.tenant().name() + "»: ").doesNotContain("входа").endsWith(". Никому его не сообщайте.");
	}

	@Test
	void theCodeStepCountsDownToAnotherCodeWhichTheServerRefusesBeforeItsTime() throws Exception {
		MockHttpSession session = new MockHttpSession();
		redirect(post(door + "/sign-in").param("fullName", "Лебедева Ольга Сергеевна").param("phone", phone), session);

		String code = page(door + "/code", session);
		Matcher wait = Pattern.compile("data-countdown=\"(\\d+)\"").matcher(code);
		assertThat(wait.find()).as("the seconds left, stated").isTrue();
		assertThat(Integer.parseInt(wait.group(1))).isBetween(50, 60);
		assertThat(code).containsPattern("id=\"resend\" disabled")
			.contains("Запросить код повторно можно через", "/assets/js/countdown.js");

		// The wait over (the session's clock turned back a minute), the button is there and sends another code.
		CabinetController.PendingSignIn pending = (CabinetController.PendingSignIn) session
			.getAttribute(CabinetController.PENDING_SIGN_IN);
		jdbc.sql("update cabinet_challenges set created_at = created_at - interval '2 minutes' where tenant_id = ?")
			.param(agency.tenant().id().value()).update();
		session.setAttribute(CabinetController.PENDING_SIGN_IN, new CabinetController.PendingSignIn(pending.tenant(),
				pending.challenge(), pending.expiresAt(), pending.demoCode(), Instant.now().minusSeconds(1),
				pending.fullName(), pending.phone()));
		assertThat(page(door + "/code", session)).doesNotContain("data-countdown").doesNotContain("id=\"resend\" disabled");
		redirect(post(door + "/code/resend"), session);
		assertThat(page(door + "/code", session)).contains("на него отправлен новый код", "data-countdown");
		assertThat(codesTexted()).isEqualTo(2);
		assertThat(redirect(post(door + "/code").param("code", textedCode(2)), session)).isEqualTo(door + "/home");
	}

	@Test
	void aGuestNobodyMatchesIsToldWhatToCheckOnThePageADebtorSees() throws Exception {
		requisites.save(agency.tenant().id(), new Agency("ООО ПКО «Ориентир»", "7701234560", "1027700000008",
				"г. Москва, ул. Тестовая, д. 1", "+7 495 222-33-44"));
		MockHttpSession known = new MockHttpSession();
		redirect(post(door + "/sign-in").param("fullName", "Лебедева Ольга Сергеевна").param("phone", phone), known);
		MockHttpSession stranger = new MockHttpSession();
		String unknown = "+7903" + phone.substring(5);
		assertThat(redirect(post(door + "/sign-in").param("fullName", "Лебедева Ольга Сергеевна").param("phone", unknown),
				stranger)).isEqualTo(door + "/code");

		String debtors = page(door + "/code", known);
		String strangers = page(door + "/code", stranger);
		assertThat(strangers).contains("Код не приходит?", "точно так, как в договоре",
				"который вы давали кредитору", "позвоните в агентство: +7 495 222-33-44");
		assertThat(normalized(strangers)).isEqualTo(normalized(debtors));
	}

	private MockHttpSession signedIn() throws Exception {
		MockHttpSession session = new MockHttpSession();
		redirect(post(door + "/sign-in").param("fullName", "Лебедева Ольга Сергеевна").param("phone", phone), session);
		assertThat(redirect(post(door + "/code").param("code", textedCode(1)), session)).isEqualTo(door + "/home");
		return session;
	}

	/** Sends a form as the browser does and returns where its answer, a redirect, leads. */
	private String redirect(org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> form,
			MockHttpSession session) throws Exception {
		MvcResult result = mvc.perform(form.session(session).cookie(visitor).with(csrf()).with(request -> {
			request.setRemoteAddr(address);
			return request;
		})).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getRequest().getRequestURI()).isEqualTo(302);
		String pattern = result.getRequest().getRequestURI().replace(agency.tenant().id().toString(), "{agency}")
			.replaceAll("/debts/[0-9a-f-]{36}/", "/debts/{debt}/").replaceAll("/plan/[0-9a-f-]{36}/", "/plan/{plan}/")
			.replaceAll("/rights/[0-9a-f-]{36}/", "/rights/{statement}/");
		redirecting.add(pattern);
		return result.getResponse().getRedirectedUrl();
	}

	private String page(String path, MockHttpSession session) throws Exception {
		MvcResult result = mvc.perform(get(path).session(session).cookie(visitor)).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private static String wrong(String code) {
		return code.equals("111111") ? "222222" : "111111";
	}

	private static String normalized(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "").replaceAll("content=\"[A-Za-z0-9_-]{40,}\"", "")
			.replaceAll("data-countdown=\"\\d+\"", "").replaceAll("countdown-seconds\">\\d+<", "");
	}

	private long texts() {
		return jdbc.sql("select count(*) from sms_outbox where tenant_id = ?").param(agency.tenant().id().value())
			.query(Long.class).single();
	}

	/**
	 * The codes the agency has texted or is texting this debtor: a code is written before its text goes out on another
	 * thread, so counting codes tells at once, where counting texts could be early.
	 */
	private long codesTexted() {
		return jdbc.sql("select count(*) from cabinet_challenges where tenant_id = ? and contact_id is not null")
			.param(agency.tenant().id().value()).query(Long.class).single();
	}

	/** The {@code nth} text the agency sent, once it has been sent (texts go out on another thread). */
	private String text(int nth) {
		org.awaitility.Awaitility.await().until(() -> texts() >= nth);
		List<byte[]> texts = jdbc.sql("select text from sms_outbox where tenant_id = ? order by id")
			.param(agency.tenant().id().value()).query(byte[].class).list();
		return personalData.open("sms_outbox.text", new Sealed(texts.get(nth - 1)));
	}

	private String textedCode(int nth) {
		Matcher code = Pattern.compile("(\\d{6})\\. Никому").matcher(text(nth));
		assertThat(code.find()).isTrue();
		return code.group(1);
	}
}
