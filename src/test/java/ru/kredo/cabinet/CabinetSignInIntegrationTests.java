package ru.kredo.cabinet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import jakarta.servlet.http.Cookie;
import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.collections.DebtComponents;
import ru.kredo.money.Money;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.Tenant;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantKind;

/** The cabinet's door: ФИО + phone + SMS code, brute force and enumeration resisted, every step in the funnel. */
@IntegrationTest
class CabinetSignInIntegrationTests {

	private static final String CODE_FIELD = "name=\"code\"";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Contacts contacts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalData personalData;

	Provisioned agency;
	String phone;
	Cookie visitor = new Cookie(CabinetController_VISITOR, UUID.randomUUID().toString());

	static final String CabinetController_VISITOR = "kredo-visitor";

	@BeforeEach
	void aDebtorOfTheAgency() {
		agency = fixtures.tenant(TenantKind.COLLECTOR);
		phone = "+7915" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		debtor = contacts.add(agency.tenant().id(), new FullName("Ершова", "Анна", "Петровна"), LocalDate.of(1984, 2, 2), null,
				null, null, PhoneNumber.parse(phone), null);
	}

	Contact debtor;

	@Autowired
	Debts debts;

	@Test
	void seeingHerDebtsCountsOnceInTheFunnelHoweverOftenTheDebtorLooks() throws Exception {
		debts.add(agency.tenant().id(), debtor.id(), "ПАО «Банк»", "КД-1/2022", LocalDate.of(2022, 3, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("5000.00"), Money.ZERO), 60);
		MockHttpSession session = new MockHttpSession();
		String challenge = start("Ершова Анна Петровна", phone, session);
		mvc.perform(post(door() + "/code").param("challenge", challenge).param("code", textedCode())
			.session(session).cookie(visitor).with(csrf()));

		for (int look = 0; look < 3; look++) {
			assertThat(mvc.perform(get(door() + "/home").session(session).cookie(visitor))
				.andReturn().getResponse().getContentAsString()).contains("КД-1/2022");
		}

		assertThat(funnel.of(agency.tenant().id())).filteredOn(row -> row.step() == FunnelStep.DEBT_VIEWED)
			.extracting(Funnel.Row::visitors).containsExactly(1L);
	}

	@Test
	void theFunnelCountsVisitorsNotRequests() throws Exception {
		Cookie issued = null;
		for (int request = 0; request < 300; request++) {
			Cookie given = mvc.perform(get(door()).with(from("10.50.0.1"))).andExpect(status().isOk())
				.andReturn().getResponse().getCookie(CabinetController_VISITOR);
			issued = issued == null ? given : issued;
		}
		assertThat(visits()).as("one client that keeps no cookies").isEqualTo(1);

		mvc.perform(get(door()).with(from("10.50.0.2")));
		assertThat(visits()).as("a second visitor").isEqualTo(2);

		mvc.perform(get(door()).with(from("10.50.0.3")).cookie(issued));
		mvc.perform(get(door()).with(from("10.50.0.1")).cookie(new Cookie(CabinetController_VISITOR, UUID.randomUUID().toString())));
		assertThat(visits()).as("the first visitor back with his cookie from elsewhere, and one making cookies up")
			.isEqualTo(2);
	}

	@Test
	void headRequestsPrefetchesCrawlersAndLinkPreviewsAreNoVisitsButAPersonWhoGoesOnIs() throws Exception {
		// A URL scanner checking the texted link, the browser prefetching it, search engines and messengers' previews
		// (the debtor's own iPhone fetches an SMS link's preview as facebookexternalhit): nobody opened the door.
		mvc.perform(head(door()).with(from("10.60.0.1")));
		mvc.perform(get(door()).with(from("10.60.0.2")).header("Sec-Purpose", "prefetch"));
		mvc.perform(get(door()).with(from("10.60.0.3")).header("Sec-Purpose", "prefetch;prerender"));
		mvc.perform(get(door()).with(from("10.60.0.4")).header("Purpose", "prefetch"));
		mvc.perform(get(door()).with(from("10.60.0.5")).header("X-Moz", "prefetch"));
		for (String agent : List.of(
				"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
				"Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
				"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 "
						+ "Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0",
				"TelegramBot (like TwitterBot)", "WhatsApp/2.23.20.0 A", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
				"vkShare; +http://vk.com/dev/Share")) {
			mvc.perform(get(door()).with(from("10.60.1." + agent.length())).header("User-Agent", agent))
				.andExpect(status().isOk());
		}
		assertThat(visits()).isZero();

		// A debtor on a cheap phone (a CUBOT: "bot" in its name) and one in WhatsApp's own browser are people.
		mvc.perform(get(door()).with(from("10.60.2.1")).header("User-Agent",
				"Mozilla/5.0 (Linux; Android 8.1.0; CUBOT J3) AppleWebKit/537.36 (KHTML, like Gecko) "
						+ "Chrome/120.0.6099.144 Mobile Safari/537.36"));
		mvc.perform(get(door()).with(from("10.60.2.2")).header("User-Agent",
				"Mozilla/5.0 (Linux; Android 13; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile "
						+ "Safari/537.36 WhatsApp/2.23.20.0"));
		assertThat(visits()).isEqualTo(2);

		// The browser showed the prefetched door and he signs in: he visited.
		askForCode("10.60.0.2", null, new MockHttpSession());
		assertThat(visits()).isEqualTo(3);
	}

	@Test
	void aStrangerAskingForHerCodesDoesNotUseUpHerOwn() throws Exception {
		for (int request = 0; request < 5; request++) {
			assertThat(askForCode("10.60.0.1", null)).as("the stranger's code %d", request).contains(CODE_FIELD);
			jdbc.sql("update cabinet_challenges set created_at = created_at - interval '2 minutes' where tenant_id = ?")
				.param(agency.tenant().id().value()).update();
		}
		assertThat(askForCode("10.60.0.1", null)).contains("Слишком много запросов кода");

		assertThat(askForCode("10.60.0.2", null)).as("the debtor, from her own address").contains(CODE_FIELD);
	}

	@Test
	void manyAddressesAskingForHerCodesAreHeldUpButNotTheBrowserSheSignedInWith() throws Exception {
		Cookie hers = mvc.perform(get(door()).with(from("10.61.0.1"))).andReturn().getResponse().getCookie(CabinetController_VISITOR);
		MockHttpSession session = new MockHttpSession();
		String challenge = challengeIn(askForCode("10.61.0.1", hers, session));
		mvc.perform(post(door() + "/code").param("challenge", challenge).param("code", textedCode())
			.session(session).cookie(hers).with(csrf()).with(from("10.61.0.1")));

		boolean heldUp = false;
		for (int stranger = 0; stranger < 12 && !heldUp; stranger++) {
			heldUp = askForCode("10.61.1." + stranger, null).contains("Новый код можно запросить через");
		}
		assertThat(heldUp).as("requests from many addresses are held up").isTrue();

		assertThat(askForCode("10.61.2.1", hers)).as("her own browser, from a new address").contains(CODE_FIELD);
	}

	private String askForCode(String address, Cookie browser) throws Exception {
		return askForCode(address, browser, new MockHttpSession());
	}

	private String askForCode(String address, Cookie browser, MockHttpSession session) throws Exception {
		var request = post(door() + "/sign-in").param("fullName", "Ершова Анна Петровна").param("phone", phone)
			.session(session).with(csrf()).with(from(address));
		return followed(mvc.perform(browser == null ? request : request.cookie(browser)).andReturn(), session);
	}

	/** The page a POST's redirect leads to, as the browser shows it next (its flash attributes in the session). */
	private String followed(MvcResult posted, MockHttpSession session) throws Exception {
		assertThat(posted.getResponse().getStatus()).as("a POST answers with a redirect").isEqualTo(302);
		return mvc.perform(get(posted.getResponse().getRedirectedUrl()).session(session).cookie(visitor))
			.andReturn().getResponse().getContentAsString();
	}

	private String challengeIn(String page) {
		assertThat(page).as("the code page").contains(CODE_FIELD);
		return latestChallenge();
	}

	private String latestChallenge() {
		return jdbc.sql("select id::text from cabinet_challenges where tenant_id = ? order by created_at desc limit 1")
			.param(agency.tenant().id().value()).query(String.class).single();
	}

	private long visits() {
		return funnel.of(agency.tenant().id()).getFirst().visitors();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@Test
	void aDebtorSignsInWithNamePhoneAndTheTextedCode() throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(get(door()).cookie(visitor)).andExpect(status().isOk());
		String challenge = start("ершова анна петровна", phone.replace("+7", "8 "), session);

		String code = textedCode();
		String answer = mvc.perform(post(door() + "/code").param("challenge", challenge).param("code", code)
			.session(session).cookie(visitor).with(csrf()))
			.andReturn().getResponse().getContentAsString();
		assertThat(answer).as("the code page answered instead of the cabinet").isEmpty();

		String home = mvc.perform(get(door() + "/home").session(session)).andReturn().getResponse().getContentAsString();
		assertThat(home).contains("Здравствуйте, Анна Петровна!");
		String funnel = mvc.perform(get("/cabinet-funnel").with(user(fixtures.admin(agency))))
			.andReturn().getResponse().getContentAsString();
		assertThat(new Funnel.Row(FunnelStep.VISIT, 1, null, 0)).isNotNull();
		assertThat(funnel).contains("Подтвердил код");
		assertThat(this.funnel.of(agency.tenant().id()))
			.extracting(Funnel.Row::visitors).startsWith(1L, 1L, 1L, 1L, 0L);
	}

	@Autowired
	Funnel funnel;

	@Test
	void anotherNameWithTheRegistrysNumberMatchesNobody() throws Exception {
		String home = registryNumber("+7495");

		start("Ершова Мария Петровна", home.replace("+7", "8"), new MockHttpSession());

		assertThat(jdbc.sql("select contact_id is null from cabinet_challenges where id = ?::uuid").param(lastChallenge)
			.query(Boolean.class).single()).as("a challenge that signs nobody in").isTrue();
	}

	@Test
	void theRegistrysOtherNumberAndHerNameSignHerIn() throws Exception {
		String work = registryNumber("+7499");
		MockHttpSession session = new MockHttpSession();

		String challenge = start("Ершова Анна Петровна", work, session);
		mvc.perform(post(door() + "/code").param("challenge", challenge).param("code", textedCode())
			.session(session).cookie(visitor).with(csrf()));

		assertThat(mvc.perform(get(door() + "/home").session(session)).andReturn().getResponse().getContentAsString())
			.contains("Здравствуйте, Анна Петровна!");
	}

	@Test
	void aGuestSeesTheSamePageWhetherOrNotTheAgencyKnowsHim() throws Exception {
		String known = page(start("Ершова Анна Петровна", phone, new MockHttpSession()));
		String unknown = page(start("Ершова Анна Петровна", "+79990001122", new MockHttpSession()));

		assertThat(normalized(unknown)).isEqualTo(normalized(known));
		mvc.perform(post(door() + "/code").param("challenge", lastChallenge).param("code", "000000")
			.session(new MockHttpSession()).with(csrf()))
			.andExpect(status().isFound());
	}

	@Test
	void fiveWrongCodesLockTheChallengeEvenAgainstTheRightOne() throws Exception {
		MockHttpSession session = new MockHttpSession();
		String challenge = start("Ершова Анна Петровна", phone, session);
		String code = textedCode();
		String wrong = code.equals("111111") ? "222222" : "111111";
		for (int attempt = 0; attempt < CabinetSignIn.MAX_ATTEMPTS; attempt++) {
			assertThat(confirm(challenge, wrong, session)).contains("Код не подходит");
		}

		assertThat(confirm(challenge, code, session)).contains("Слишком много попыток");
	}

	@Test
	void anExpiredCodeIsRefusedAndANewOneWaitsAMinute() throws Exception {
		MockHttpSession session = new MockHttpSession();
		String challenge = start("Ершова Анна Петровна", phone, session);
		String code = textedCode();
		jdbc.sql("update cabinet_challenges set expires_at = now() - interval '1 second' where id = ?::uuid")
			.param(challenge).update();

		assertThat(confirm(challenge, code, session)).contains("Срок действия кода истёк");
		String again = followed(mvc.perform(post(door() + "/code/resend").session(session).cookie(visitor).with(csrf()))
			.andReturn(), session);
		assertThat(again).contains("Новый код можно запросить через");
	}

	@Test
	void onlyACollectionAgencyHasACabinet() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);

		mvc.perform(get("/cabinet/" + broker.tenant().id())).andExpect(status().isNotFound());
		mvc.perform(get("/cabinet/" + UUID.randomUUID())).andExpect(status().isNotFound());
	}

	@Test
	void anAgencysCabinetNeverShowsACodeWhileTextsStayInTheOutbox() throws Exception {
		String known = start("Ершова Анна Петровна", phone, new MockHttpSession());
		String page = lastPage;
		String code = textedCode();

		assertThat(page).doesNotContain("demo-code").doesNotContain(code);
		String unknown = page(start("Ершова Анна Петровна", "+79990001123", new MockHttpSession()));
		assertThat(normalized(unknown)).isEqualTo(normalized(page.replace(known, "CHALLENGE")));
	}

	@Test
	void theDemoAgencyShowsACodeForEveryAttemptDebtorOrNot() throws Exception {
		Tenant demo = tenants.all().stream().filter(t -> t.demo() && t.kind() == TenantKind.COLLECTOR).findFirst().orElseThrow();
		String demoPhone = "+7916" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
		Contact demoDebtor = contacts.add(demo.id(), new FullName("Демина", "Ольга", "Игоревна"), LocalDate.of(1980, 5, 5),
				null, null, null, PhoneNumber.parse(demoPhone), null);
		// Every debtor of the demo's agency has a debt (DemoIntegrationTests holds it to that).
		debts.add(demo.id(), demoDebtor.id(), "ПАО «Банк»", "КД-" + demoPhone.substring(5), LocalDate.of(2022, 3, 1), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("5000.00"), Money.ZERO), 60);

		String known = page(startAt(demo, "Демина Ольга Игоревна", demoPhone));
		String unknown = page(startAt(demo, "Демина Ольга Игоревна", "+7917" + demoPhone.substring(5)));

		Pattern shown = Pattern.compile("id=\"demo-code\"[^>]*>[^<]*(\\d{6})");
		assertThat(shown.matcher(known).find()).as("the demo's debtor sees his code").isTrue();
		assertThat(shown.matcher(unknown).find()).as("a stranger in the demo sees a code line too").isTrue();
		assertThat(normalized(unknown).replaceAll("\\d{6}", "CODE"))
			.isEqualTo(normalized(known).replaceAll("\\d{6}", "CODE"));
	}

	@Test
	void onlyThePlatformOperatorReadsTheOutbox() throws Exception {
		start("Ершова Анна Петровна", phone, new MockHttpSession());
		String code = textedCode();

		String outbox = mvc.perform(get("/operator/sms-outbox").with(user(fixtures.signedIn("operator@kredo.demo"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(outbox).contains(code).contains(agency.tenant().name())
			.contains(PhoneNumber.parse(phone).masked()).doesNotContain(phone);
		mvc.perform(get("/operator/sms-outbox").with(user(fixtures.admin(agency)))).andExpect(status().isForbidden());
		mvc.perform(get("/operator/sms-outbox").with(user(fixtures.signedIn(fixtures.manager(agency).email().value()))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/operator/sms-outbox")).andExpect(status().is3xxRedirection());
	}

	@Test
	void theAgencysAdminIsWarnedThatTextsAreNotSent() throws Exception {
		String admin = mvc.perform(get("/").with(user(fixtures.admin(agency))))
			.andReturn().getResponse().getContentAsString();
		assertThat(admin).contains("id=\"sms-not-sent\"").contains("SMS не отправляются");

		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		assertThat(mvc.perform(get("/").with(user(fixtures.admin(broker)))).andReturn().getResponse().getContentAsString())
			.doesNotContain("sms-not-sent");
	}

	@Autowired
	TenantDirectory tenants;

	private String startAt(Tenant tenant, String fullName, String typedPhone) throws Exception {
		MockHttpSession session = new MockHttpSession();
		String page = followed(mvc.perform(post("/cabinet/" + tenant.id() + "/sign-in").param("fullName", fullName)
			.param("phone", typedPhone).session(session).cookie(visitor).with(csrf()))
			.andExpect(redirectedUrl("/cabinet/" + tenant.id() + "/code")).andReturn(), session);
		assertThat(page).as("the code page").contains(CODE_FIELD);
		lastChallenge = jdbc.sql("select id::text from cabinet_challenges where tenant_id = ? order by created_at desc limit 1")
			.param(tenant.id().value()).query(String.class).single();
		lastPage = page;
		return lastChallenge;
	}

	String lastChallenge;

	// A second number a registry gave for her, kept as a portfolio import keeps it.
	private String registryNumber(String prefix) {
		String number = prefix + String.format("%07d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 10_000_000L));
		jdbc.sql("""
				insert into debtor_phones (tenant_id, contact_id, phone, phone_index, created_at)
				values (?, ?, ?, ?, now())""")
			.params(agency.tenant().id().value(), debtor.id().value(),
					personalData.seal("debtor_phones.phone", number).bytes(), personalData.index("phone", number).bytes())
			.update();
		return number;
	}

	private String start(String fullName, String typedPhone, MockHttpSession session) throws Exception {
		String page = followed(mvc.perform(post(door() + "/sign-in").param("fullName", fullName).param("phone", typedPhone)
			.session(session).cookie(visitor).with(csrf()))
			.andExpect(redirectedUrl(door() + "/code")).andReturn(), session);
		lastChallenge = challengeIn(page);
		lastPage = page;
		return lastChallenge;
	}

	String lastPage;

	private String page(String challenge) {
		return lastPage.replace(challenge, "CHALLENGE");
	}

	private static String normalized(String page) {
		// The seconds until another code may be asked for tick on between two requests.
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "").replaceAll("content=\"[A-Za-z0-9_-]{40,}\"", "")
			.replaceAll("data-countdown=\"\\d+\"", "").replaceAll("countdown-seconds\">\\d+<", "");
	}

	private String confirm(String challenge, String code, MockHttpSession session) throws Exception {
		return followed(mvc.perform(post(door() + "/code").param("challenge", challenge).param("code", code)
			.session(session).with(csrf())).andReturn(), session);
	}

	/** The code as the debtor's phone got it: the last text in the development outbox for this agency. */
	private String textedCode() {
		org.awaitility.Awaitility.await().until(() -> jdbc.sql("select count(*) from sms_outbox where tenant_id = ?")
			.param(agency.tenant().id().value()).query(Long.class).single() > 0);
		byte[] text = jdbc.sql("select text from sms_outbox where tenant_id = ? order by id desc limit 1")
			.param(agency.tenant().id().value()).query(byte[].class).single();
		Matcher code = Pattern.compile("»: (\\d{6})").matcher(personalData.open("sms_outbox.text", new Sealed(text)));
		assertThat(code.find()).isTrue();
		return code.group(1);
	}

	private String door() {
		return "/cabinet/" + agency.tenant().id();
	}
}
