package ru.kredo.operator.web;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.accounts.User;
import ru.kredo.accounts.UserAccounts;
import ru.kredo.accounts.UserId;
import ru.kredo.apikeys.ApiKey;
import ru.kredo.apikeys.ApiKeyId;
import ru.kredo.apikeys.IssuedApiKey;
import ru.kredo.audit.AuditActor;
import ru.kredo.events.FeedUploads;
import ru.kredo.operator.PlatformAccess;
import ru.kredo.platform.Rejected;
import ru.kredo.platform.RequestedPage;
import ru.kredo.tenancy.TenantId;

/**
 * The operator's feeds (issue 15, «Onboarding a feed»): each bureau or partner feed is a platform API key — issued
 * here with its secret shown once, revoked here — with its uploads and their counts; and the files the operator and
 * the command line imported, listed the same way.
 */
@Controller
@RequestMapping("/operator/feeds")
class FeedsController {

	/** Rows a page of uploads shows. */
	static final int PAGE_SIZE = 50;

	private final PlatformAccess platform;
	private final FeedUploads uploads;
	private final UserAccounts users;

	FeedsController(PlatformAccess platform, FeedUploads uploads, UserAccounts users) {
		this.platform = platform;
		this.uploads = uploads;
		this.users = users;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("feeds", RequestedPage.slice(platform.feedKeys(), PAGE_SIZE));
		model.addAttribute("totals", uploads.totalsByFeed());
		model.addAttribute("issuers", issuers());
		model.addAttribute("files", uploads.files(ru.kredo.platform.Paging.page(0, 1)).total());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "operator/feeds";
	}

	/**
	 * Post/redirect/get: the secret travels in a flash attribute (the session, never the address), shown on the one
	 * page after issuing; a reload issues nothing and shows it no more.
	 */
	@PostMapping
	String issue(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "") String name, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			IssuedApiKey issued = platform.issueFeedKey(name, AuditActor.of(me), me.userId());
			redirect.addFlashAttribute("issued", issued);
			return "redirect:/operator/feeds";
		}
		catch (Rejected rejected) {
			model.addAttribute("errors", Map.of("name", rejected));
			model.addAttribute("name", name);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return list(model);
		}
	}

	/** A feed: its key and its uploads, newest first; 404 for anything but a platform key. */
	@GetMapping("/{feed}")
	String feed(@PathVariable UUID feed, Model model) {
		ApiKey key = platform.feedKey(new ApiKeyId(feed));
		model.addAttribute("feed", key);
		model.addAttribute("issuers", issuers());
		model.addAttribute("uploads", uploads.page(FeedUploads.Filter.feed(feed), RequestedPage.of(PAGE_SIZE)));
		return "operator/feed";
	}

	/** The files the operator uploaded and the command line imported, newest first. */
	@GetMapping("/files")
	String files(Model model) {
		model.addAttribute("uploads", uploads.files(RequestedPage.of(PAGE_SIZE)));
		return "operator/feed";
	}

	@PostMapping("/{feed}/revoke")
	String revoke(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID feed, RedirectAttributes redirect) {
		platform.revokeFeedKey(new ApiKeyId(feed), AuditActor.of(me));
		redirect.addFlashAttribute("notice", "feeds.revoked-notice");
		return "redirect:/operator/feeds/" + feed;
	}

	private Map<UserId, String> issuers() {
		return users.all(TenantId.PLATFORM).stream().collect(Collectors.toMap(User::id, User::displayName));
	}
}
