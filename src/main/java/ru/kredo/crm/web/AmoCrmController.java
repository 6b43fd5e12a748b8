package ru.kredo.crm.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.crm.internal.AmoCrmAccounts;
import ru.kredo.crm.internal.AmoCrmAccounts.Account;
import ru.kredo.crm.internal.AmoCrmClient;
import ru.kredo.crm.internal.AmoCrmException;
import ru.kredo.crm.internal.AmoCrmProperties;
import ru.kredo.crm.internal.CrmDeliveries;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;

/**
 * A broker admin's amoCRM page ({@code docs/crm-amocrm.md}): the keys of the broker's own amoCRM integration, the
 * redirect URI to paste there, «Подключить» (amoCRM's consent page, with a state bound to this session), the callback
 * that exchanges the code for tokens, what a signal becomes, disconnecting, and the log of deliveries.
 */
@Controller
@RequestMapping("/crm/amocrm")
class AmoCrmController {

	static final String STATE = "kredo.crm.amocrm.state";
	private static final Logger log = LoggerFactory.getLogger(AmoCrmController.class);

	private final AmoCrmAccounts accounts;
	private final AmoCrmClient client;
	private final CrmDeliveries deliveries;
	private final AmoCrmProperties properties;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	AmoCrmController(AmoCrmAccounts accounts, AmoCrmClient client, CrmDeliveries deliveries, AmoCrmProperties properties,
			Clock clock) {
		this.accounts = accounts;
		this.client = client;
		this.deliveries = deliveries;
		this.properties = properties;
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
		model.addAttribute("deliveries", deliveries.latest(me.tenantId(), 50));
		return "crm/amocrm";
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
		accounts.saveKeys(me.tenantId(), sub, clientId.trim(), clientSecret.trim(), clock.instant());
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
			redirect.addFlashAttribute("notice", "crm.amocrm.connected");
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
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
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
		Long pipeline = amoCrmId(pipelineId, lead, "pipelineId", errors);
		Long status = amoCrmId(statusId, lead, "statusId", errors);
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			model.addAttribute("typedPipelineId", pipelineId);
			model.addAttribute("typedStatusId", statusId);
			response.setStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(me, model);
		}
		accounts.saveAction(me.tenantId(), chosen, pipeline, status, clock.instant());
		redirect.addFlashAttribute("notice", "crm.amocrm.action-saved");
		return "redirect:/crm/amocrm";
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

	@PostMapping("/disconnect")
	String disconnect(@AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
		check(me);
		accounts.disconnect(me.tenantId(), clock.instant());
		redirect.addFlashAttribute("notice", "crm.amocrm.disconnected");
		return "redirect:/crm/amocrm";
	}

	private static String redirectUri() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/crm/amocrm/callback").toUriString();
	}

	private static void check(SignedInUser me) {
		if (!me.isAdmin()) {
			throw new NotFound("not-found", "crm/amocrm");
		}
	}
}
