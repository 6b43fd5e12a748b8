package ru.kredo.crm.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.crm.internal.Bitrix24Accounts;
import ru.kredo.crm.internal.Bitrix24Accounts.Account;
import ru.kredo.crm.internal.Bitrix24Api;
import ru.kredo.crm.internal.Bitrix24Client;
import ru.kredo.crm.internal.Bitrix24Events;
import ru.kredo.crm.internal.Bitrix24Exception;
import ru.kredo.crm.internal.Bitrix24Properties;
import ru.kredo.crm.internal.Crm;
import ru.kredo.crm.internal.CrmDeliveries;
import ru.kredo.crm.internal.CrmOutcomeSweeps;
import ru.kredo.crm.internal.CrmPipelineLists;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.PublicAddress;
import ru.kredo.platform.Rejected;

/**
 * A broker admin's Bitrix24 page ({@code docs/crm-bitrix24.md}): the portal and the keys of the broker's own local
 * application, the redirect URI to paste there, «Подключить» (the portal's consent page, with a state bound to this
 * session), the callback that exchanges the code for tokens (and binds the events that bring outcomes back; bound
 * again on demand), what a signal becomes — a deal's stage picked from the portal's pipelines, kept for a few minutes
 * ({@link CrmPipelineLists}) and read afresh on «Обновить список» —, disconnecting, and the log.
 */
@Controller
@RequestMapping("/crm/bitrix24")
class Bitrix24Controller {

	static final String STATE = "kredo.crm.bitrix24.state";
	private static final Logger log = LoggerFactory.getLogger(Bitrix24Controller.class);

	private final Bitrix24Accounts accounts;
	private final Bitrix24Client client;
	private final Bitrix24Api api;
	private final Bitrix24Events events;
	private final CrmPipelineLists lists;
	private final CrmDeliveries deliveries;
	private final CrmOutcomeSweeps sweeps;
	private final Bitrix24Properties properties;
	private final Clock clock;
	private final AuditLog audit;
	private final PublicAddress address;
	private final SecureRandom random = new SecureRandom();

	Bitrix24Controller(Bitrix24Accounts accounts, Bitrix24Client client, Bitrix24Api api, Bitrix24Events events,
			CrmPipelineLists lists, CrmDeliveries deliveries, CrmOutcomeSweeps sweeps, Bitrix24Properties properties, Clock clock, AuditLog audit,
			PublicAddress address) {
		this.address = address;
		this.accounts = accounts;
		this.client = client;
		this.api = api;
		this.events = events;
		this.lists = lists;
		this.deliveries = deliveries;
		this.sweeps = sweeps;
		this.properties = properties;
		this.clock = clock;
		this.audit = audit;
	}

	@GetMapping
	String page(@AuthenticationPrincipal SignedInUser me, Model model) {
		check(me);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		Optional<Account> account = accounts.find(me.tenantId());
		model.addAttribute("account", account.orElse(null));
		model.addAttribute("redirectUri", redirectUri());
		model.addAttribute("actions", Bitrix24Accounts.Action.values());
		if (!model.containsAttribute("pipelines")) {
			model.addAttribute("pipelines", account.filter(Account::connected).flatMap(a -> pipelines(me, a)).orElse(null));
		}
		model.addAttribute("deliveries", deliveries.latest(Crm.BITRIX24, me.tenantId(), 50));
		model.addAttribute("sweep", sweeps.state(Crm.BITRIX24, me.tenantId()).orElse(null));
		return "crm/bitrix24";
	}

	/**
	 * The portal's deal pipelines and stages, as kept for a few minutes or read now; empty when they cannot be read
	 * (then the page takes typed ids).
	 */
	private Optional<List<Bitrix24Api.Pipeline>> pipelines(SignedInUser me, Account account) {
		try {
			return Optional.of(lists.get(Crm.BITRIX24, me.tenantId(), () -> api.dealPipelines(me.tenantId(), account.portal())))
				.filter(list -> !list.isEmpty());
		}
		catch (RuntimeException ex) {
			log.warn("Bitrix24's deal pipelines of tenant {} could not be read: {}", me.tenantId(), ex.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * The portal and the application's keys. Every wrong field is marked next to it and what was typed is shown again
	 * (422), the secret never: the portal's address (as in mybroker.bitrix24.ru; a pasted https://…/ is trimmed), the
	 * application's code (client_id), and its key (client_secret: required the first time; left blank later it is kept).
	 */
	@PostMapping("/keys")
	String keys(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "") String portal,
			@RequestParam(defaultValue = "") String clientId, @RequestParam(defaultValue = "") String clientSecret,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		check(me);
		String host = portal.strip().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("/.*$", "");
		boolean first = accounts.find(me.tenantId()).isEmpty();
		Map<String, Rejected> errors = new LinkedHashMap<>();
		if (!Bitrix24Accounts.PORTAL.matcher(host).matches()) {
			errors.put("portal", new Rejected("crm.bitrix24.portal-invalid"));
		}
		else if (client.inPrivateNetwork(host)) {
			errors.put("portal", new Rejected("crm.bitrix24.portal-private"));
		}
		if (clientId.isBlank() || clientId.length() > 100) {
			errors.put("clientId", new Rejected("crm.bitrix24.keys-missing"));
		}
		if (clientSecret.length() > 200 || (first && clientSecret.isBlank())) {
			errors.put("clientSecret", new Rejected("crm.bitrix24.keys-missing"));
		}
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			model.addAttribute("typedPortal", portal);
			model.addAttribute("typedClientId", clientId);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(me, model);
		}
		Optional<Account> before = accounts.find(me.tenantId());
		if (before.filter(Account::connected).isPresent() && (!before.get().portal().equals(host)
				|| !before.get().clientId().equals(clientId.strip()) || !clientSecret.isBlank())) {
			// The keys change and the portal is disconnected with them: its event handler goes too.
			events.unsubscribe(me.tenantId(), before.get().portal());
		}
		accounts.saveKeys(me.tenantId(), host, clientId.strip(), clientSecret.strip(), clock.instant());
		lists.forget(Crm.BITRIX24, me.tenantId());
		audit.record(AuditAction.BITRIX24_KEYS_SAVED, "bitrix24", null,
				"bitrix24-portal:" + host + (clientSecret.isBlank() ? "" : ";bitrix24-secret-changed"));
		redirect.addFlashAttribute("notice", "crm.bitrix24.keys-saved");
		return "redirect:/crm/bitrix24";
	}

	/** «Подключить»: to the portal's consent page, with a fresh state remembered in this session. */
	@PostMapping("/connect")
	String connect(@AuthenticationPrincipal SignedInUser me, HttpSession session, RedirectAttributes redirect) {
		check(me);
		Optional<Account> account = accounts.find(me.tenantId());
		if (account.isEmpty()) {
			redirect.addFlashAttribute("problem", new Rejected("crm.bitrix24.keys-missing"));
			return "redirect:/crm/bitrix24";
		}
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		session.setAttribute(STATE, state);
		return "redirect:" + UriComponentsBuilder.fromUriString(properties.base(account.get().portal()) + "/oauth/authorize/")
			.queryParam("client_id", account.get().clientId())
			.queryParam("state", state)
			.encode()
			.build()
			.toUriString();
	}

	/**
	 * Where the portal sends the admin back: {@code code}, {@code state}, {@code domain} (the portal),
	 * {@code member_id}, {@code scope}. A state this session did not issue (a forged link) or issued already is
	 * refused, and so is another portal's answer; the state is spent either way.
	 */
	@GetMapping("/callback")
	String callback(@AuthenticationPrincipal SignedInUser me, HttpSession session,
			@RequestParam(required = false) String code, @RequestParam(required = false) String state,
			@RequestParam(required = false) String domain, @RequestParam(required = false) String error,
			RedirectAttributes redirect) {
		check(me);
		Object expected = session.getAttribute(STATE);
		session.removeAttribute(STATE);
		if (expected == null || state == null
				|| !MessageDigest.isEqual(expected.toString().getBytes(), state.getBytes())) {
			redirect.addFlashAttribute("problem", new Rejected("crm.bitrix24.state-invalid"));
			return "redirect:/crm/bitrix24";
		}
		Optional<Account> account = accounts.find(me.tenantId());
		if (account.isEmpty() || code == null || code.isBlank() || error != null) {
			redirect.addFlashAttribute("problem", new Rejected("crm.bitrix24.consent-refused"));
			return "redirect:/crm/bitrix24";
		}
		if (domain != null && !domain.equalsIgnoreCase(account.get().portal())) {
			redirect.addFlashAttribute("problem", new Rejected("crm.bitrix24.portal-mismatch", account.get().portal()));
			return "redirect:/crm/bitrix24";
		}
		try {
			Bitrix24Client.Tokens tokens = client.exchangeCode(account.get().portal(), account.get().clientId(),
					accounts.secrets(me.tenantId()).clientSecret(), code, clock.instant());
			accounts.connect(me.tenantId(), tokens, clock.instant());
			lists.forget(Crm.BITRIX24, me.tenantId());
			boolean bound = events.subscribe(me.tenantId(), account.get().portal(), kredoBase());
			audit.record(AuditAction.BITRIX24_CONNECTED, "bitrix24", null, "bitrix24-portal:" + account.get().portal()
					+ ";bitrix24-events:" + (bound ? "subscribed" : "refused"));
			redirect.addFlashAttribute("notice", bound ? "crm.bitrix24.connected" : "crm.bitrix24.connected-without-events");
		}
		catch (Bitrix24Exception ex) {
			log.warn("Bitrix24 refused the code of tenant {}: {}", me.tenantId(), ex.getMessage());
			redirect.addFlashAttribute("problem", ex.error().equals("portal_mismatch")
					? new Rejected("crm.bitrix24.portal-mismatch", account.get().portal())
					: new Rejected("crm.bitrix24.exchange-failed", ex.error().isEmpty() ? ex.status() : ex.error()));
		}
		return "redirect:/crm/bitrix24";
	}

	/**
	 * What a signal becomes. A deal needs its pipeline ({@code CATEGORY_ID}: 0 is the general one) and a stage of
	 * that pipeline ({@code STAGE_ID}: NEW in the general one, C3:NEW in pipeline 3): picked from the portal's list
	 * ({@code dealStage}, «pipeline:stage», which must be one of the list when it can be read now), or typed.
	 */
	@PostMapping("/action")
	String action(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "") String action,
			@RequestParam(defaultValue = "") String categoryId, @RequestParam(defaultValue = "") String stageId,
			@RequestParam(defaultValue = "") String dealStage, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		check(me);
		Optional<Account> account = accounts.find(me.tenantId());
		if (account.isEmpty()) {
			redirect.addFlashAttribute("problem", new Rejected("crm.bitrix24.keys-missing"));
			return "redirect:/crm/bitrix24";
		}
		Map<String, Rejected> errors = new LinkedHashMap<>();
		Bitrix24Accounts.Action chosen = Arrays.stream(Bitrix24Accounts.Action.values())
			.filter(a -> a.name().equals(action.strip()))
			.findFirst()
			.orElse(null);
		if (chosen == null) {
			errors.put("action", new Rejected("crm.bitrix24.action-invalid"));
		}
		boolean deal = chosen == Bitrix24Accounts.Action.DEAL;
		Long category;
		String stage;
		if (!dealStage.isBlank()) {
			Map<String, Rejected> pickErrors = new LinkedHashMap<>();
			String[] parts = dealStage.strip().split(":", 2);
			category = category(parts[0], true, pickErrors);
			stage = stage(parts.length < 2 ? "" : parts[1].strip().toUpperCase(Locale.ROOT), true, category, pickErrors);
			if (pickErrors.isEmpty()) {
				Optional<List<Bitrix24Api.Pipeline>> listed = account.filter(Account::connected)
					.flatMap(a -> pipelines(me, a));
				model.addAttribute("pipelines", listed.orElse(null));
				long pickedCategory = category;
				String pickedStage = stage;
				if (listed.isPresent() && listed.get().stream().noneMatch(p -> p.id() == pickedCategory
						&& p.stages().stream().anyMatch(st -> st.id().equals(pickedStage)))) {
					pickErrors.put("dealStage", new Rejected("crm.bitrix24.stage-unknown"));
				}
			}
			if (!pickErrors.isEmpty()) {
				errors.put("dealStage", pickErrors.getOrDefault("dealStage", new Rejected("crm.bitrix24.stage-unknown")));
			}
		}
		else {
			category = category(categoryId, deal, errors);
			stage = stage(stageId.strip().toUpperCase(Locale.ROOT), deal, category, errors);
		}
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			model.addAttribute("typedCategoryId", categoryId);
			model.addAttribute("typedStageId", stageId);
			model.addAttribute("typedDealStage", dealStage);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(me, model);
		}
		accounts.saveAction(me.tenantId(), chosen, category, stage, clock.instant());
		audit.record(AuditAction.BITRIX24_ACTION_CHOSEN, "bitrix24", null, "bitrix24-action:" + chosen.name()
				+ (category == null ? "" : ";bitrix24-pipeline:" + category) + (stage == null ? "" : ";bitrix24-stage:" + stage));
		redirect.addFlashAttribute("notice", "crm.bitrix24.action-saved");
		return "redirect:/crm/bitrix24";
	}

	/** A pipeline id as typed: a whole number, 0 or more, required for a deal; blank is none. */
	private static Long category(String typed, boolean required, Map<String, Rejected> errors) {
		String id = typed.strip();
		if (id.isEmpty()) {
			if (required) {
				errors.put("categoryId", new Rejected("crm.bitrix24.deal-missing"));
			}
			return null;
		}
		if (id.matches("[0-9]{1,9}")) {
			return Long.parseLong(id);
		}
		errors.put("categoryId", new Rejected("crm.bitrix24.category-invalid"));
		return null;
	}

	/** A stage id as typed: Bitrix24's form, of the chosen pipeline, required for a deal; blank is none. */
	private static String stage(String id, boolean required, Long category, Map<String, Rejected> errors) {
		if (id.isEmpty()) {
			if (required) {
				errors.put("stageId", new Rejected("crm.bitrix24.deal-missing"));
			}
			return null;
		}
		java.util.regex.Matcher stage = Bitrix24Accounts.STAGE.matcher(id);
		if (!stage.matches()) {
			errors.put("stageId", new Rejected("crm.bitrix24.stage-invalid"));
			return null;
		}
		long stageCategory = stage.group(2) == null ? 0 : Long.parseLong(stage.group(2));
		if (category != null && stageCategory != category) {
			errors.put("stageId", new Rejected("crm.bitrix24.stage-other-pipeline", category));
			return null;
		}
		return id;
	}

	/** «Подписаться заново»: the outcomes' events bound again, at a new address (the old one is unbound). */
	@PostMapping("/subscribe")
	String subscribe(@AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
		check(me);
		Optional<Account> account = accounts.find(me.tenantId()).filter(Account::connected);
		if (account.isEmpty()) {
			redirect.addFlashAttribute("problem", new Rejected("crm.bitrix24.not-connected-yet"));
			return "redirect:/crm/bitrix24";
		}
		boolean bound = events.subscribe(me.tenantId(), account.get().portal(), kredoBase());
		audit.record(AuditAction.BITRIX24_EVENTS_SUBSCRIBED, "bitrix24", null,
				"bitrix24-events:" + (bound ? "subscribed" : "refused"));
		redirect.addFlashAttribute(bound ? "notice" : "problem",
				bound ? "crm.bitrix24.events-subscribed" : new Rejected("crm.bitrix24.events-refused"));
		return "redirect:/crm/bitrix24";
	}

	/** «Обновить список»: the portal's pipelines and stages are read afresh on the page that follows. */
	@PostMapping("/pipelines")
	String refreshPipelines(@AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
		check(me);
		lists.forget(Crm.BITRIX24, me.tenantId());
		redirect.addFlashAttribute("notice", "crm.bitrix24.pipelines-refreshed");
		return "redirect:/crm/bitrix24";
	}

	@PostMapping("/disconnect")
	String disconnect(@AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
		check(me);
		accounts.find(me.tenantId()).filter(Account::connected)
			.ifPresent(account -> events.unsubscribe(me.tenantId(), account.portal()));
		accounts.disconnect(me.tenantId(), clock.instant());
		lists.forget(Crm.BITRIX24, me.tenantId());
		audit.record(AuditAction.BITRIX24_DISCONNECTED, "bitrix24", null, null);
		redirect.addFlashAttribute("notice", "crm.bitrix24.disconnected");
		return "redirect:/crm/bitrix24";
	}

	/**
	 * Kredo's address for Bitrix24 (the events' handler, the way back from the consent page), from
	 * {@code kredo.base-url} like every address Kredo hands out: never from the request's host, which a proxy fills
	 * from what the client sent ({@code Host}, {@code X-Forwarded-Host}).
	 */
	private String kredoBase() {
		return address.base();
	}

	private String redirectUri() {
		return address.of("/crm/bitrix24/callback").toString();
	}

	private static void check(SignedInUser me) {
		if (!me.isAdmin()) {
			throw new NotFound("not-found", "crm/bitrix24");
		}
	}
}
