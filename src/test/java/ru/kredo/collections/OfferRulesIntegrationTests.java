package ru.kredo.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ru.kredo.Fixtures;
import ru.kredo.IntegrationTest;
import ru.kredo.contacts.ContactId;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.money.Money;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

/** An agency admin edits, switches off and deletes discount rules; offers already made keep their terms. */
@IntegrationTest
class OfferRulesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Offers offers;

	@Autowired
	OfferRules rules;

	@Autowired
	Debts debts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRefusedRuleComesBackWithEverythingTypedAndEveryWrongFieldMarked() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);

		String page = page(mvc.perform(post("/offer-rules").with(user(fixtures.admin(agency))).with(csrf())
			.header("Accept-Language", "ru")
			.param("name", "Акция декабрь").param("minDaysPastDue", "-5").param("minBalance", "12 345,678")
			.param("discountPercent", "70").param("validDays", "400").param("maxParts", "24").param("interval", "TWO_WEEKS")
			.param("graceDays", "31"))
			.andExpect(status().isUnprocessableContent())
			.andReturn());

		assertThat(page).contains("value=\"Акция декабрь\"", "value=\"-5\"", "value=\"12 345,678\"", "value=\"70\"",
				"value=\"400\"", "value=\"24\"", "value=\"31\"");
		assertThat(page).containsPattern("value=\"TWO_WEEKS\"\\s+selected");
		assertThat(page).contains("Просрочка — целое число дней, не меньше 0.", "Сумма не распознана",
				"Скидка — от 1 до 50%.", "Срок предложения — от 1 до 365 дней.", "Частей — от 1 до 12.",
				"Отсрочка — от 0 до 30 дней.");
		assertThat(page.split("class=\"invalid-feedback\"", -1)).hasSize(7);
		assertThat(rules.all(agency.tenant().id())).isEmpty();
	}

	@Test
	void aRuleAddedRedirectsAndIsListed() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);

		mvc.perform(post("/offer-rules").with(user(fixtures.admin(agency))).with(csrf()).param("name", "Старые долги")
			.param("minDaysPastDue", "180").param("minBalance", "10 000,00").param("discountPercent", "15")
			.param("validDays", "30").param("maxParts", "1").param("interval", "MONTH").param("graceDays", "0"))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/offer-rules"));

		assertThat(offers.rules(agency.tenant().id())).singleElement().satisfies(rule -> {
			assertThat(rule.discountPercent()).isEqualTo(15);
			assertThat(rule.minBalance()).isEqualTo(Money.ofRoubles("10000.00"));
		});
	}

	@Test
	void anEditedRuleMakesNewOffersOnItsNewTermsWhileAnOfferMadeKeepsItsOwn() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		OfferRule rule = offers.addRule(tenant, "Всем", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		Debt first = debt(agency, "КД-1");
		Offer made = offers.find(tenant, first.id()).orElseThrow();

		String form = page(mvc.perform(get("/offer-rules/{id}", rule.id()).with(user(fixtures.admin(agency))))
			.andExpect(status().isOk()).andReturn());
		assertThat(form).contains("value=\"Всем\"", "value=\"10\"", "value=\"14\"");
		mvc.perform(edit(agency, rule.id(), "name", "Всем, щедрее", "discountPercent", "20", "validDays", "30", "maxParts", "3"))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/offer-rules"));

		assertThat(offers.find(tenant, first.id()).orElseThrow()).satisfies(offer -> {
			assertThat(offer.id()).isEqualTo(made.id());
			assertThat(offer.discountPercent()).isEqualTo(10);
			assertThat(offer.validUntil()).isEqualTo(made.validUntil());
			assertThat(offer.policy()).isEqualTo(PartPolicy.IN_FULL);
		});
		assertThat(offers.find(tenant, debt(agency, "КД-2").id()).orElseThrow()).satisfies(offer -> {
			assertThat(offer.discountPercent()).isEqualTo(20);
			assertThat(offer.policy().maxParts()).isEqualTo(3);
		});
	}

	@Test
	void aRefusedEditKeepsWhatWasTypedAndChangesNothing() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		OfferRule rule = offers.addRule(agency.tenant().id(), "Всем", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);

		String page = page(mvc.perform(edit(agency, rule.id(), "name", " ", "discountPercent", "пять"))
			.andExpect(status().isUnprocessableContent()).andReturn());

		assertThat(page).contains("value=\"пять\"", "Дайте правилу название.", "Скидка — от 1 до 50%.");
		assertThat(rules.get(agency.tenant().id(), rule.id()).rule()).isEqualTo(rule);
	}

	@Test
	void aRuleSwitchedOffMakesNoNewOffersAndItsOffersStay() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		OfferRule rule = offers.addRule(tenant, "Всем", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		Debt first = debt(agency, "КД-1");
		Offer made = offers.find(tenant, first.id()).orElseThrow();

		mvc.perform(post("/offer-rules/{id}/enabled", rule.id()).param("enabled", "false").with(user(fixtures.admin(agency)))
			.with(csrf())).andExpect(status().is3xxRedirection());

		Debt whileOff = debt(agency, "КД-2");
		assertThat(offers.find(tenant, whileOff.id())).isEmpty();
		assertThat(offers.find(tenant, first.id())).get().extracting(Offer::id).isEqualTo(made.id());
		assertThat(page(mvc.perform(get("/offer-rules").with(user(fixtures.admin(agency)))).andReturn()))
			.contains("выключено", "Включить");

		mvc.perform(post("/offer-rules/{id}/enabled", rule.id()).param("enabled", "true").with(user(fixtures.admin(agency)))
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(offers.find(tenant, whileOff.id())).as("made when the rule is switched back on").isPresent();
		assertThat(offers.find(tenant, debt(agency, "КД-3").id())).isPresent();
	}

	@Test
	void aRuleWhoseOfferLapsedAndWasRemovedStillCannotBeDeleted() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		OfferRule rule = offers.addRule(tenant, "Акция", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		Debt debt = debt(agency, "КД-1");
		assertThat(offers.find(tenant, debt.id())).isPresent();
		rules.setEnabled(tenant, rule.id(), false);
		jdbc.sql("update offers set valid_until = current_date - 30 where debt_id = ?").param(debt.id().value()).update();
		offers.makeOffers(tenant);
		// With no rule switched on, nothing can replace it: the lapsed offer stays as it is.
		assertThat(offers.find(tenant, debt.id())).get().extracting(Offer::status).isEqualTo(Offer.Status.LAPSED);
		// Once a rule's offer is gone (renewed under another rule, say), the rule still made it.
		jdbc.sql("delete from offers where debt_id = ?").param(debt.id().value()).update();

		mvc.perform(post("/offer-rules/{id}/delete", rule.id()).with(user(fixtures.admin(agency))).with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(rules.all(tenant)).singleElement().satisfies(line -> assertThat(line.offersMade()).isEqualTo(1));
	}

	@Test
	void aRuleThatMadeNoOfferIsDeletedAndOneThatDidIsOnlySwitchedOff() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		TenantId tenant = agency.tenant().id();
		UserDetails admin = fixtures.admin(agency);
		OfferRule unused = offers.addRule(tenant, "Никому", 10_000, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		OfferRule used = offers.addRule(tenant, "Всем", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		offers.find(tenant, debt(agency, "КД-1").id()).orElseThrow();

		mvc.perform(post("/offer-rules/{id}/delete", unused.id()).with(user(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		MvcResult refused = mvc.perform(post("/offer-rules/{id}/delete", used.id()).with(user(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn();

		assertThat(rules.all(tenant)).extracting(line -> line.rule().name()).containsExactly("Всем");
		String page = page(mvc.perform(get("/offer-rules").with(user(admin)).header("Accept-Language", "ru")
			.flashAttrs(refused.getFlashMap())).andReturn());
		assertThat(page).contains("По этому правилу уже сделано предложений: 1. Удалить его нельзя — выключите его");
		assertThat(page).doesNotContain("/offer-rules/" + used.id() + "/delete");
	}

	@Test
	void anotherAgencysRuleIsNotFound() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned other = fixtures.tenant(TenantKind.COLLECTOR);
		OfferRule rule = offers.addRule(agency.tenant().id(), "Всем", 0, Money.ZERO, 10, 14, PartPolicy.IN_FULL);
		UserDetails stranger = fixtures.admin(other);

		mvc.perform(get("/offer-rules/{id}", rule.id()).with(user(stranger))).andExpect(status().isNotFound());
		mvc.perform(edit(other, rule.id(), "name", "Чужое")).andExpect(status().isNotFound());
		mvc.perform(post("/offer-rules/{id}/enabled", rule.id()).param("enabled", "false").with(user(stranger))
			.with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/offer-rules/{id}/delete", rule.id()).with(user(stranger)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(rules.all(agency.tenant().id())).singleElement()
			.satisfies(line -> assertThat(line.enabled()).isTrue())
			.satisfies(line -> assertThat(line.rule()).isEqualTo(rule));
	}

	/** An edit with every field valid unless {@code changed} says otherwise (name, value, name, value…). */
	private MockHttpServletRequestBuilder edit(Provisioned agency, UUID rule, String... changed) {
		Map<String, String> fields = new LinkedHashMap<>(Map.of("name", "Всем", "minDaysPastDue", "0", "minBalance", "0",
				"discountPercent", "10", "validDays", "14", "maxParts", "1", "interval", "MONTH", "graceDays", "0"));
		for (int i = 0; i < changed.length; i += 2) {
			fields.put(changed[i], changed[i + 1]);
		}
		MockHttpServletRequestBuilder edit = post("/offer-rules/{id}", rule).with(user(fixtures.admin(agency))).with(csrf())
			.header("Accept-Language", "ru");
		fields.forEach(edit::param);
		return edit;
	}

	private final Map<TenantId, ContactId> debtors = new HashMap<>();

	private Debt debt(Provisioned agency, String contract) {
		ContactId debtor = debtors.computeIfAbsent(agency.tenant().id(), tenant -> fixtures.contact(agency).id());
		return debts.add(agency.tenant().id(), debtor, "МФО «Быстро»", contract + "-" + UUID.randomUUID(),
				LocalDate.of(2024, 1, 9), null,
				DebtComponents.of(Money.ZERO, Money.ZERO, Money.ZERO, Money.ofRoubles("1000.00"), Money.ZERO), 200);
	}

	private static String page(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
