package ru.kredo.crm.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import ru.kredo.crm.internal.AmoCrmAccounts;
import ru.kredo.crm.internal.AmoCrmAccounts.Account;
import ru.kredo.crm.internal.AmoCrmApi;
import ru.kredo.crm.internal.AmoCrmClient;
import ru.kredo.crm.internal.AmoCrmException;
import ru.kredo.crm.internal.AmoCrmHooks;
import ru.kredo.crm.internal.AmoCrmProperties;
import ru.kredo.crm.internal.Crm;
import ru.kredo.crm.internal.CrmDeliveries;
import ru.kredo.crm.internal.CrmOutcomeSweeps;
import ru.kredo.crm.internal.CrmPipelineLists;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.PublicAddress;
import ru.kredo.platform.Rejected;

/**
 * A broker admin's amoCRM page ({@code docs/crm-amocrm.md}): the keys of the broker's own amoCRM integration, the
 * redirect URI to paste there, «Подключить» (amoCRM's consent page, with a state bound to this session), the callback
 * that exchanges the code for tokens (and subscribes the webhook that brings outcomes back), what a signal becomes —
 * a lead's pipeline and status picked from the account's own when they can be read, kept for a few minutes
 * ({@link CrmPipelineLists}) and read afresh on «Обновить список» —, disconnecting, and the log of deliveries. Every change of these settings is in the audit log.
 */
@Controller
@RequestMapping("/crm/amocrm")
class AmoCrmController {

	static final String STATE = "kredo.crm.amocrm.state";
	private static final Logger log = LoggerFactory.getLogger(AmoCrmController.class);

	private final AmoCrmAccounts accounts;
	private final AmoCrmClient client;
	private final AmoCrmApi api;
	private final AmoCrmHooks hooks;
	private final CrmPipelineLists lists;
	private final CrmDeliveries deliveries;
	private final CrmOutcomeSweeps sweeps;
	private final AmoCrmProperties properties;
	private final AuditLog audit;
	private final Clock clock;
	private final PublicAddress address;
	private final SecureRandom random = new SecureRandom();

	AmoCrmController(AmoCrmAccounts accounts, AmoCrmClient client, AmoCrmApi api, AmoCrmHooks hooks,
			CrmPipelineLists lists, CrmDeliveries deliveries, CrmOutcomeSweeps sweeps, AmoCrmProperties properties, AuditLog audit, Clock clock,
			PublicAddress address) {
		this.address = address;
		this.accounts = accounts;
		this.client = client;
		this.api = api;
		this.hooks = hooks;
		this.lists = lists;
		this.deliveries = deliveries;
		this.sweeps = sweeps;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
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
		model.addAttribute("actions", AmoCrmAccounts.Action.values());
		model.addAttribute("pipelines", account.filter(Account::connected).flatMap(a -> pipelines(me, a)).orElse(null));
		model.addAttribute("deliveries", deliveries.latest(me.tenantId(), 50));
		model.addAttribute("sweep", sweeps.state(Crm.AMOCRM, me.tenantId()).orElse(null));
		return "crm/amocrm";
	}

	/**
	 * The account's pipelines, as kept for a few minutes or read now; empty when amoCRM cannot be asked now (then the
	 * page takes typed ids).
	 */
	private Optional<List<AmoCrmApi.Pipeline>> pipelines(SignedInUser me, Account account) {
		try {
			return Optional.of(lists.get(Crm.AMOCRM, me.tenantId(), () -> api.pipelines(me.tenantId(), account.subdomain())))
				.filter(list -> !list.isEmpty());
		}
		catch (RuntimeException ex) {
			log.warn("amoCRM's pipelines of tenant {} could not be read: {}", me.tenantId(), ex.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * The integration's keys. Every wrong field is marked next to it and what was typed is shown again (422), the
	 * secret never: the subdomain (as in mybroker.amocrm.ru), the integration's id, and its secret key (required the
	 * first time; left blank later it is kept).
	 */
	@PostMapping("/keys")
	String keys(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "") String subdomain,
			@RequestParam(defaultValue = "") String clientId, @RequestParam(defaultValue = "") String clientSecret,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		check(me);
		String sub = subdomain.trim().toLowerCase(java.util.Locale.ROOT).replaceFirst("\\.amocrm\\.(ru|com)$", "");
		boolean first = accounts.find(me.tenantId()).isEmpty();
		Map<String, Rejected> errors = new LinkedHashMap<>();
		if (!AmoCrmAccounts.SUBDOMAIN.matcher(sub).matches()) {
			errors.put("subdomain", new Rejected("crm.amocrm.subdomain-invalid"));
		}
		if (clientId.isBlank() || clientId.length() > 100) {
			errors.put("clientId", new Rejected("crm.amocrm.keys-missing"));
		}
		if (clientSecret.length() > 200 || (first && clientSecret.isBlank())) {
			errors.put("clientSecret", new Rejected("crm.amocrm.keys-missing"));
		}
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			model.addAttribute("typedSubdomain", subdomain);
			model.addAttribute("typedClientId", clientId);
			response.setStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(me, model);
		}
		Optional<Account> before = accounts.find(me.tenantId());
		if (before.filter(Account::connected).isPresent() && (!before.get().subdomain().equals(sub)
				|| !before.get().clientId().equals(clientId.trim()) || !clientSecret.isBlank())) {
			// The keys change and the account is disconnected with them: its outcomes webhook goes too.
			hooks.unsubscribe(me.tenantId(), before.get().subdomain());
		}
		accounts.saveKeys(me.tenantId(), sub, clientId.trim(), clientSecret.trim(), clock.instant());
		lists.forget(Crm.AMOCRM, me.tenantId());
		audit.record(AuditAction.AMOCRM_KEYS_SAVED, "amocrm", null,
				"amocrm-subdomain:" + sub + (clientSecret.isBlank() ? "" : ";amocrm-secret-changed"));
		redirect.addFlashAttribute("notice", "crm.amocrm.keys-saved");
		return "redirect:/crm/amocrm";
	}

	/** «Подключить»: to amoCRM's consent page, with a fresh state remembered in this session. */
	@PostMapping("/connect")
	String connect(@AuthenticationPrincipal SignedInUser me, HttpSession session, RedirectAttributes redirect) {
		check(me);
		Optional<Account> account = accounts.find(me.tenantId());
		if (account.isEmpty()) {
			redirect.addFlashAttribute("problem", new Rejected("crm.amocrm.keys-missing"));
			return "redirect:/crm/amocrm";
		}
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		session.setAttribute(STATE, state);
		return "redirect:" + UriComponentsBuilder.fromUriString(properties.consentUrl())
			.queryParam("client_id", account.get().clientId())
			.queryParam("state", state)
			.queryParam("mode", "post_message")
			.encode()
			.build()
			.toUriString();
	}

	/**
	 * Where amoCRM sends the admin back: {@code code}, {@code state}, {@code referer} (the account's domain). A state
	 * this session did not issue (a forged link) or issued already is refused; the state is spent either way.
	 */
	@GetMapping("/callback")
	String callback(@AuthenticationPrincipal SignedInUser me, HttpSession session,
			@RequestParam(required = false) String code, @RequestParam(required = false) String state,
			@RequestParam(required = false) String error, RedirectAttributes redirect) {
		check(me);
		Object expected = session.getAttribute(STATE);
		session.removeAttribute(STATE);
		if (expected == null || state == null || !java.security.MessageDigest.isEqual(expected.toString().getBytes(),
				state.getBytes())) {
			redirect.addFlashAttribute("problem", new Rejected("crm.amocrm.state-invalid"));
			return "redirect:/crm/amocrm";
		}
		Optional<Account> account = accounts.find(me.tenantId());
		if (account.isEmpty() || code == null || code.isBlank() || error != null) {
			redirect.addFlashAttribute("problem", new Rejected("crm.amocrm.consent-refused"));
			return "redirect:/crm/amocrm";
		}
		try {
			String redirectUri = redirectUri();
			AmoCrmClient.Tokens tokens = client.exchangeCode(account.get().subdomain(), account.get().clientId(),
					accounts.secrets(me.tenantId()).clientSecret(), redirectUri, code, clock.instant());
			accounts.connect(me.tenantId(), tokens, redirectUri, clock.instant());
			lists.forget(Crm.AMOCRM, me.tenantId());
			boolean hooked = hooks.subscribe(me.tenantId(), account.get().subdomain(),
					address.base());
			audit.record(AuditAction.AMOCRM_CONNECTED, "amocrm", null, "amocrm-subdomain:" + account.get().subdomain()
					+ ";amocrm-hook:" + (hooked ? "subscribed" : "refused"));
			redirect.addFlashAttribute("notice", hooked ? "crm.amocrm.connected" : "crm.amocrm.connected-without-hook");
		}
		catch (AmoCrmException ex) {
			log.warn("amoCRM refused the code of tenant {}: {}", me.tenantId(), ex.getMessage());
			redirect.addFlashAttribute("problem", new Rejected("crm.amocrm.exchange-failed", ex.status()));
		}
		return "redirect:/crm/amocrm";
	}

	@PostMapping("/action")
	String action(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "") String action,
			@RequestParam(defaultValue = "") String pipelineId, @RequestParam(defaultValue = "") String statusId,
			@RequestParam(defaultValue = "") String pipelineStatus, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		check(me);
		if (accounts.find(me.tenantId()).isEmpty()) {
			redirect.addFlashAttribute("problem", new Rejected("crm.amocrm.keys-missing"));
			return "redirect:/crm/amocrm";
		}
		Map<String, Rejected> errors = new LinkedHashMap<>();
		AmoCrmAccounts.Action chosen = java.util.Arrays.stream(AmoCrmAccounts.Action.values())
			.filter(a -> a.name().equals(action.strip()))
			.findFirst()
			.orElse(null);
		if (chosen == null) {
			errors.put("action", new Rejected("crm.amocrm.action-invalid"));
		}
		boolean lead = chosen == AmoCrmAccounts.Action.LEAD;
		Long pipeline;
		Long status;
		if (!pipelineStatus.isBlank()) {
			// Picked from the account's list: «pipeline:status», one of the list when it can be read now.
			long[] picked = picked(me, pipelineStatus.strip());
			if (picked == null) {
				errors.put("pipelineStatus", new Rejected("crm.amocrm.status-unknown"));
			}
			pipeline = picked == null ? null : picked[0];
			status = picked == null ? null : picked[1];
		}
		else {
			pipeline = amoCrmId(pipelineId, lead, "pipelineId", errors);
			status = amoCrmId(statusId, lead, "statusId", errors);
		}
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			model.addAttribute("typedPipelineId", pipelineId);
			model.addAttribute("typedStatusId", statusId);
			model.addAttribute("typedPipelineStatus", pipelineStatus);
			response.setStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(me, model);
		}
		accounts.saveAction(me.tenantId(), chosen, pipeline, status, clock.instant());
		audit.record(AuditAction.AMOCRM_ACTION_CHOSEN, "amocrm", null, "amocrm-action:" + chosen.name()
				+ (pipeline == null ? "" : ";amocrm-pipeline:" + pipeline) + (status == null ? "" : ";amocrm-status:" + status));
		redirect.addFlashAttribute("notice", "crm.amocrm.action-saved");
		return "redirect:/crm/amocrm";
	}

	/**
	 * A «pipeline:status» picked on the page: two ids, and one of the account's pairs when its list can be read now
	 * (if it cannot, the ids are taken as they are, as typed ones are); {@code null} when it is not.
	 */
	private long[] picked(SignedInUser me, String value) {
		String[] parts = value.split(":", -1);
		long[] ids = new long[2];
		try {
			if (parts.length != 2 || (ids[0] = Long.parseLong(parts[0])) <= 0 || (ids[1] = Long.parseLong(parts[1])) <= 0) {
				return null;
			}
		}
		catch (NumberFormatException notAnId) {
			return null;
		}
		Optional<List<AmoCrmApi.Pipeline>> listed = accounts.find(me.tenantId()).filter(Account::connected)
			.flatMap(account -> pipelines(me, account));
		if (listed.isEmpty()) {
			return ids;
		}
		boolean known = listed.get().stream().anyMatch(p -> p.id() == ids[0]
				&& p.statuses().stream().anyMatch(st -> st.id() == ids[1]));
		return known ? ids : null;
	}

	/** An amoCRM id as typed: a positive whole number, required for a lead; blank is none. */
	private static Long amoCrmId(String typed, boolean required, String field, Map<String, Rejected> errors) {
		String id = typed.strip();
		if (id.isEmpty()) {
			if (required) {
				errors.put(field, new Rejected("crm.amocrm.pipeline-missing"));
			}
			return null;
		}
		try {
			long value = Long.parseLong(id);
			if (value > 0) {
				return value;
			}
		}
		catch (NumberFormatException notANumber) {
			// named below
		}
		errors.put(field, new Rejected("crm.amocrm.id-invalid"));
		return null;
	}

	/** «Обновить список»: the account's pipelines and statuses are read afresh on the page that follows. */
	@PostMapping("/pipelines")
	String refreshPipelines(@AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
		check(me);
		lists.forget(Crm.AMOCRM, me.tenantId());
		redirect.addFlashAttribute("notice", "crm.amocrm.pipelines-refreshed");
		return "redirect:/crm/amocrm";
	}

	@PostMapping("/disconnect")
	String disconnect(@AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
		check(me);
		accounts.find(me.tenantId()).filter(Account::connected)
			.ifPresent(account -> hooks.unsubscribe(me.tenantId(), account.subdomain()));
		accounts.disconnect(me.tenantId(), clock.instant());
		lists.forget(Crm.AMOCRM, me.tenantId());
		audit.record(AuditAction.AMOCRM_DISCONNECTED, "amocrm", null, null);
		redirect.addFlashAttribute("notice", "crm.amocrm.disconnected");
		return "redirect:/crm/amocrm";
	}

	/**
	 * Where amoCRM sends the admin back, from {@code kredo.base-url} like every address Kredo hands out: never from the
	 * request's host, which a proxy fills from what the client sent ({@code Host}, {@code X-Forwarded-Host}).
	 */
	private String redirectUri() {
		return address.of("/crm/amocrm/callback").toString();
	}

	private static void check(SignedInUser me) {
		if (!me.isAdmin()) {
			throw new NotFound("not-found", "crm/amocrm");
		}
	}
}
