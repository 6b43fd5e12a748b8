package ru.kredo.tenancy;

import static ru.kredo.tenancy.TenantKind.BROKER;
import static ru.kredo.tenancy.TenantKind.COLLECTOR;
import static ru.kredo.tenancy.TenantKind.PLATFORM;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which kind of tenant may use which page and endpoint, in one table: brokers, collection agencies, the platform's
 * operator, or no tenant at all (the sign-in page, a provider's notification). Every handler of Kredo is declared
 * here; one interceptor ({@code tenancy/web/TenantKindInterceptor}) enforces the table before any handler runs, and
 * refuses a kind the row does not name, with 404 (the page does not exist for it) unless the row says otherwise. A
 * handler that no row declares is refused to everyone, and {@code TenantKindAccessIntegrationTests} names it.
 * <p>
 * A row's pattern is matched against the handler's own mapping, as its {@code @GetMapping}/{@code @PostMapping}
 * writes it ({@code /debtors/{id}}), not against the address asked for, so the test and the interceptor read the same
 * row for the same handler. The first row that matches decides; none is a catch-all, so a page at a new address
 * needs a row of its own.
 */
public final class TenantKindAccess {

	/** The request attribute a refusal leaves: the pattern of the row that refused (for tests and logs). */
	public static final String REFUSED_BY = "kredo.tenant-kind.refused-by";

	private static final Set<TenantKind> ANY = EnumSet.allOf(TenantKind.class);

	private static final List<Row> ROWS = List.of(
			// Pages of no tenant: who may open them is the security chain's business (SecurityConfiguration).
			Row.noTenant("/login"), Row.noTenant("/verify"), Row.noTenant("/password-links/**"),
			Row.noTenant("/payments/notifications/**"), Row.noTenant("/payments/sandbox/**"),
			// A debtor's short personal link (docs/invitations.md): its token names the agency, which the cabinet's
			// own address (where it leads) then checks.
			Row.noTenant("/i/*"),
			// amoCRM's webhook for outcomes (docs/crm-amocrm.md): the token in the address names the broker.
			Row.noTenant("/crm/amocrm/hooks/*"),
			// Bitrix24's events for outcomes (docs/crm-bitrix24.md): the token in the address names the broker.
			Row.noTenant("/crm/bitrix24/events/*"),

			// The debtor's cabinet: public, but the agency its address names must be a collection agency.
			Row.agencyInPath("/cabinet/{agency}/**", COLLECTOR),

			// Collection agencies' staff: debtors and their portfolios, offers, requisites, payments, the cabinet.
			Row.staff("/debtors/**", COLLECTOR), Row.staff("/offer-rules/**", COLLECTOR),
			Row.staff("/requisites/**", COLLECTOR), Row.staff("/payments/settings/**", COLLECTOR),
			Row.staff("/cabinet-funnel/**", COLLECTOR), Row.staff("/cabinet-look/**", COLLECTOR),
			Row.staff("/inbox/**", COLLECTOR), Row.staff("/plan-policy/**", COLLECTOR),
			Row.staff("/contact-templates/**", COLLECTOR),
			// A sandbox's test clock (docs/sandbox.md): a broker's or an agency's; a real tenant's page is a 404 too.
			Row.staff("/test-clock/**", BROKER, COLLECTOR),
			Row.staff("/plans/**", COLLECTOR),
			// A broker's amoCRM connector (issue 15, docs/crm-amocrm.md).
			Row.staff("/crm/amocrm/**", BROKER),
			// … and its Bitrix24 connector (issue 15, docs/crm-bitrix24.md).
			Row.staff("/crm/bitrix24/**", BROKER),
			// … and their API: conversations, disputes and document requests (issue 12, «For integrators»).
			Row.staff("/api/v1/conversations/**", COLLECTOR), Row.staff("/api/v1/disputes/**", COLLECTOR),
			Row.staff("/api/v1/document-requests/**", COLLECTOR), Row.staff("/api/v1/plans/**", COLLECTOR),
			// … and the contact centre's: a debtor's contact standing, log, calls, bars; promises to pay (issue 14); his
			// phones, a bureau's made his own (issue 14, the loop).
			Row.staff("/api/v1/debtors/**", COLLECTOR), Row.staff("/api/v1/calls/**", COLLECTOR),
			Row.staff("/api/v1/promises/**", COLLECTOR),
			// … and their debts, with payments received outside Kredo (issue 15); a debtor's debts are under /debtors.
			Row.staff("/api/v1/debts/**", COLLECTOR),
			// … their requisites and discount rules, as their pages (issue 15).
			Row.staff("/api/v1/requisites/**", COLLECTOR), Row.staff("/api/v1/offer-rules/**", COLLECTOR),
			// … and the debts' discount offers, listed and read (issue 15).
			Row.staff("/api/v1/offers/**", COLLECTOR),
			// … their plan policy and texts to debtors, as their pages (issue 15).
			Row.staff("/api/v1/plan-policy/**", COLLECTOR), Row.staff("/api/v1/contact-templates/**", COLLECTOR),
			// … and their registries (portfolios) with their uploads (issue 15), a portfolio put on monitoring (issue 14).
			Row.staff("/api/v1/portfolios/**", COLLECTOR),
			// … a portfolio's debtors invited to the cabinet (issue 15, under /api/v1/portfolios above); debtors'
			// statements under ст. 8 230-ФЗ answered (issue 15, as the inbox's page).
			Row.staff("/api/v1/statements/**", COLLECTOR),

			// The platform: its operator's pages (the security chain's role rule answers others 403 first) and the
			// bureau feeds' endpoint, which tells a tenant's key why it is refused.
			Row.staff("/operator/**", PLATFORM).refusedWith(HttpStatus.FORBIDDEN, "platform-only"),
			Row.staff("/api/v1/events/**", PLATFORM).refusedWith(HttpStatus.FORBIDDEN, "event.feed-not-allowed"),
			// … and the feeds' uploads with their counts (issue 15, «Onboarding a feed»): another kind's key, 404.
			Row.staff("/api/v1/feeds/**", PLATFORM),

			// Every tenant's staff and API keys, the platform's included.
			Row.staff("/", ANY), Row.staff("/account/**", ANY), Row.staff("/users/**", ANY),
			Row.staff("/api-keys/**", ANY), Row.staff("/audit/**", ANY), Row.staff("/webhooks/**", ANY),
			Row.staff("/contacts/**", ANY), Row.staff("/monitoring/**", ANY), Row.staff("/signals/**", ANY),
			Row.staff("/conversion/**", ANY),
			Row.staff("/api/v1/tenant", ANY), Row.staff("/api/v1/users/**", ANY), Row.staff("/api/v1/api-keys/**", ANY),
			Row.staff("/api/v1/contacts/**", ANY), Row.staff("/api/v1/watches/**", ANY),
			Row.staff("/api/v1/lists/**", ANY), Row.staff("/api/v1/signals/**", ANY),
			// Webhooks by API, as the «Вебхуки» page (issue 15).
			Row.staff("/api/v1/webhook-endpoints/**", ANY), Row.staff("/api/v1/webhook-deliveries/**", ANY),
			// «Сигналы в Kafka» by API, as on the «Вебхуки» page (issue 16).
			Row.staff("/api/v1/signal-topic", ANY));

	private TenantKindAccess() {
	}

	/** Every row, in the order they are read. */
	public static List<Row> rows() {
		return ROWS;
	}

	/** The row that declares the handler mapped at this pattern ({@code /debtors/{id}}); none when undeclared. */
	public static Optional<Row> forMapping(String mapping) {
		PathContainer path = PathContainer.parsePath(mapping);
		return ROWS.stream().filter(row -> row.pattern().matches(path)).findFirst();
	}

	/** Whose kind a row checks. */
	public enum Subject {

		/** Nobody's: the page belongs to no tenant. */
		NO_TENANT,

		/** The tenant of the signed-in user or of the API key that makes the request. */
		ACTOR,

		/** The tenant whose id is the address's {@code {agency}} (a public page of that tenant). */
		AGENCY_IN_PATH
	}

	/**
	 * One declaration.
	 * @param pattern the handlers' mappings it covers ({@code /debtors/**})
	 * @param subject whose kind it checks
	 * @param kinds the kinds allowed
	 * @param refusal the status another kind gets: 404 (the page does not exist for it) unless stated
	 * @param code the refusal's stable code, as problem details and the error page carry it
	 */
	public record Row(PathPattern pattern, Subject subject, Set<TenantKind> kinds, HttpStatus refusal, String code) {

		private static final PathPatternParser PARSER = new PathPatternParser();

		static Row noTenant(String pattern) {
			return new Row(PARSER.parse(pattern), Subject.NO_TENANT, ANY, HttpStatus.NOT_FOUND, "not-found");
		}

		static Row staff(String pattern, TenantKind kind, TenantKind... more) {
			return new Row(PARSER.parse(pattern), Subject.ACTOR, EnumSet.of(kind, more), HttpStatus.NOT_FOUND, "not-found");
		}

		static Row staff(String pattern, Set<TenantKind> kinds) {
			return new Row(PARSER.parse(pattern), Subject.ACTOR, kinds, HttpStatus.NOT_FOUND, "not-found");
		}

		static Row agencyInPath(String pattern, TenantKind kind) {
			return new Row(PARSER.parse(pattern), Subject.AGENCY_IN_PATH, EnumSet.of(kind), HttpStatus.NOT_FOUND,
					"tenant.not-found");
		}

		Row refusedWith(HttpStatus status, String refusalCode) {
			return new Row(pattern, subject, kinds, status, refusalCode);
		}

		/** Whether a tenant of this kind may use the handlers of this row. */
		public boolean allows(TenantKind kind) {
			return kinds.contains(kind);
		}

		@Override
		public String toString() {
			return pattern + " " + subject + " " + kinds;
		}
	}
}
