package ru.kredo.conversations.web;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.http.HttpStatus;
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
import ru.kredo.conversations.CannedReplies;
import ru.kredo.conversations.Conversations;
import ru.kredo.platform.InvalidFields;

/**
 * The agency's canned replies ({@code /inbox/replies}): the list, a form to add one (every wrong field said at once,
 * what was typed kept), and deleting. Operators insert them into a reply from the conversation page, filled in.
 */
@Controller
@RequestMapping("/inbox/replies")
class CannedRepliesController {

	private final CannedReplies replies;
	private final Conversations conversations;

	CannedRepliesController(CannedReplies replies, Conversations conversations) {
		this.replies = replies;
		this.conversations = conversations;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser me, Model model) {
		model.addAttribute("replies", replies.all(me.tenantId()));
		model.addAttribute("placeholders", CannedReplies.PLACEHOLDERS);
		model.addAttribute("limits", conversations.limits());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", java.util.Map.of());
		}
		return "conversations/replies";
	}

	@PostMapping
	String add(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String text, RedirectAttributes redirect, Model model,
			HttpServletResponse response) {
		try {
			replies.add(me.tenantId(), title, text);
			redirect.addFlashAttribute("notice", "canned.added");
		}
		catch (InvalidFields invalid) {
			// Refused: the form again (422), every wrong field marked and what was typed kept.
			model.addAttribute("errors", invalid.errors());
			model.addAttribute("typedTitle", title);
			model.addAttribute("typedText", text);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return list(me, model);
		}
		return "redirect:/inbox/replies";
	}

	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		replies.delete(me.tenantId(), id);
		redirect.addFlashAttribute("notice", "canned.deleted");
		return "redirect:/inbox/replies";
	}

}
