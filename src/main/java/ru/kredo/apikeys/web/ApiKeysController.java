package ru.kredo.apikeys.web;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.accounts.User;
import ru.kredo.accounts.UserAccounts;
import ru.kredo.accounts.UserId;
import ru.kredo.apikeys.ApiKey;
import ru.kredo.apikeys.ApiKeyId;
import ru.kredo.apikeys.ApiKeys;
import ru.kredo.apikeys.IssuedApiKey;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.platform.Rejected;
import ru.kredo.platform.RequestedPage;

/** A tenant admin's API keys: issue (the secret is shown on the one page after issuing only), list, revoke. */
@Controller
@RequestMapping("/api-keys")
class ApiKeysController {

	/** Rows a page of the list shows. */
	static final int PAGE_SIZE = 50;

	private final ApiKeys apiKeys;
	private final AuditLog audit;
	private final UserAccounts users;

	ApiKeysController(ApiKeys apiKeys, AuditLog audit, UserAccounts users) {
		this.apiKeys = apiKeys;
		this.audit = audit;
		this.users = users;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser me, Model model) {
		model.addAttribute("keys", RequestedPage.slice(apiKeys.all(me.tenantId()), PAGE_SIZE));
		model.addAttribute("issuers", issuers(me));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "api-keys/list";
	}

	/** Who issued each key, by name; a key without a known issuer shows «неизвестно». */
	private Map<UserId, String> issuers(SignedInUser me) {
		return users.all(me.tenantId()).stream().collect(Collectors.toMap(User::id, User::displayName));
	}

	/**
	 * Post/redirect/get: the secret travels to the list in a flash attribute (the session, never the address), so it
	 * is shown on the one page after issuing, and a reload of that page issues nothing and shows it no more.
	 */
	@PostMapping
	String issue(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "") String name, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			IssuedApiKey issued = apiKeys.issue(me.tenantId(), name, me.auditName(), me.userId());
			audit.record(AuditAction.API_KEY_ISSUED, "api-key", issued.key().id(), null);
			redirect.addFlashAttribute("issued", issued);
			return "redirect:/api-keys";
		}
		catch (Rejected rejected) {
			// The form's one field: its refusal is shown next to it, with what was typed (422).
			model.addAttribute("errors", Map.of("name", rejected));
			model.addAttribute("name", name);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return list(me, model);
		}
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Model model) {
		model.addAttribute("key", apiKeys.get(me.tenantId(), new ApiKeyId(id)));
		model.addAttribute("issuers", issuers(me));
		return "api-keys/detail";
	}

	/** From the list, htmx swaps in the revoked row; without htmx the browser goes back to the list. */
	@PostMapping("/{id}/revoke")
	String revoke(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		ApiKey key = apiKeys.revoke(me.tenantId(), new ApiKeyId(id));
		audit.record(AuditAction.API_KEY_REVOKED, "api-key", key.id(), null);
		if (htmx != null) {
			model.addAttribute("key", key);
			model.addAttribute("issuers", issuers(me));
			return "api-keys/list :: row";
		}
		return "redirect:/api-keys";
	}
}
