package ru.kredo.webhooks.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

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

import ru.kredo.accounts.SignedInUser;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.platform.InvalidFields;
import ru.kredo.platform.Rejected;
import ru.kredo.webhooks.SignalTopics;
import ru.kredo.webhooks.SignalTopicUnavailable;
import ru.kredo.webhooks.WebhookDeliveries;
import ru.kredo.webhooks.WebhookEndpoint;
import ru.kredo.webhooks.WebhookEndpointId;
import ru.kredo.webhooks.WebhookEndpoints;
import ru.kredo.platform.RequestedPage;
import ru.kredo.platform.ListPage;
import ru.kredo.platform.Paging;

/** A tenant admin's webhook endpoints: add, look at the secret and the delivery log, switch off, rotate, test. */
@Controller
@RequestMapping("/webhooks")
class WebhooksController {

	/** Rows a page of the list shows. */
	static final int PAGE_SIZE = 50;

	static final int LOG_SIZE = 50;

	private final WebhookEndpoints endpoints;
	private final WebhookDeliveries deliveries;
	private final AuditLog audit;
	private final Clock clock;
	private final SignalTopics topics;

	WebhooksController(WebhookEndpoints endpoints, WebhookDeliveries deliveries, AuditLog audit, Clock clock,
			SignalTopics topics) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.audit = audit;
		this.clock = clock;
		this.topics = topics;
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser me, Model model) {
		model.addAttribute("endpoints", RequestedPage.slice(endpoints.all(me.tenantId()), PAGE_SIZE));
		model.addAttribute("eventTypes", WebhookEndpoints.eventTypes());
		model.addAttribute("signalTopic", topics.of(me.tenantId()));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "webhooks/list";
	}

	/**
	 * «Сигналы в Kafka» on or off (issue 16): offered only where Kafka is configured; elsewhere the page says so and
	 * nothing changes.
	 */
	@PostMapping("/kafka")
	String switchSignalTopic(@AuthenticationPrincipal SignedInUser me, @RequestParam boolean enabled,
			RedirectAttributes redirect) {
		try {
			if (topics.switchTo(me.tenantId(), enabled)) {
				audit.record(AuditAction.SIGNAL_TOPIC_SWITCHED, "signal-topic", topics.topicOf(me.tenantId()),
						"enabled:" + enabled);
			}
			redirect.addFlashAttribute("notice", enabled ? "webhooks.kafka.switched-on" : "webhooks.kafka.switched-off");
		}
		catch (SignalTopicUnavailable unavailable) {
			redirect.addFlashAttribute("notice", "error." + unavailable.code());
		}
		return "redirect:/webhooks";
	}

	/** A refused form comes back (422) with what was typed and each wrong field marked. */
	@PostMapping
	String add(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "") String url,
			@RequestParam(defaultValue = "") String description,
			@RequestParam(required = false) List<String> eventTypes, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		model.addAttribute("chosenTypes", eventTypes);
		try {
			WebhookEndpoint endpoint = endpoints.add(me.tenantId(), url, description, eventTypes);
			audit.record(AuditAction.WEBHOOK_ENDPOINT_ADDED, "webhook-endpoint", endpoint.id(), null);
			redirect.addFlashAttribute("notice", "webhooks.added");
			return "redirect:/webhooks/" + endpoint.id();
		}
		catch (InvalidFields invalid) {
			model.addAttribute("errors", invalid.errors());
			return refused(me, url, description, model, response);
		}
		catch (Rejected rejected) {
			model.addAttribute("problem", rejected);
			return refused(me, url, description, model, response);
		}
	}

	private String refused(SignedInUser me, String url, String description, Model model, HttpServletResponse response) {
		model.addAttribute("url", url);
		model.addAttribute("description", description);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return list(me, model);
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Model model) {
		WebhookEndpoint endpoint = endpoints.get(me.tenantId(), new WebhookEndpointId(id));
		model.addAttribute("endpoint", endpoint);
		model.addAttribute("eventTypes", WebhookEndpoints.eventTypes());
		model.addAttribute("previousSecretUntil",
				endpoint.inSecretOverlap(clock.instant()) ? endpoint.previousSecretUntil() : null);
		Paging paging = RequestedPage.of(LOG_SIZE);
		model.addAttribute("deliveries", ListPage.of(deliveries.page(me.tenantId(), endpoint.id(), paging.offset(), paging.limit()),
				deliveries.count(me.tenantId(), endpoint.id()), paging));
		return "webhooks/detail";
	}

	@PostMapping("/{id}/enabled")
	String setEnabled(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, @RequestParam boolean enabled,
			RedirectAttributes redirect) {
		WebhookEndpoint endpoint = endpoints.setEnabled(me.tenantId(), new WebhookEndpointId(id), enabled);
		audit.record(AuditAction.WEBHOOK_ENDPOINT_CHANGED, "webhook-endpoint", endpoint.id(), "enabled:" + enabled);
		redirect.addFlashAttribute("notice", enabled ? "webhooks.enabled-notice" : "webhooks.disabled-notice");
		return "redirect:/webhooks/" + id;
	}

	/** The checked types replace the endpoint's filter; none checked: every type. */
	@PostMapping("/{id}/event-types")
	String setEventTypes(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(required = false) List<String> eventTypes, RedirectAttributes redirect) {
		WebhookEndpoint endpoint = endpoints.update(me.tenantId(), new WebhookEndpointId(id),
				new WebhookEndpoints.Change(null, null, eventTypes == null ? List.of() : eventTypes, null));
		audit.record(AuditAction.WEBHOOK_ENDPOINT_CHANGED, "webhook-endpoint", endpoint.id(),
				"eventTypes:" + String.join(",", endpoint.eventTypes()));
		redirect.addFlashAttribute("notice", "webhooks.event-types-saved");
		return "redirect:/webhooks/" + id;
	}

	@PostMapping("/{id}/rotate-secret")
	String rotateSecret(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		WebhookEndpoint endpoint = endpoints.rotateSecret(me.tenantId(), new WebhookEndpointId(id));
		audit.record(AuditAction.WEBHOOK_ENDPOINT_CHANGED, "webhook-endpoint", endpoint.id(), "secret-rotated");
		redirect.addFlashAttribute("notice", "webhooks.secret-rotated");
		return "redirect:/webhooks/" + id;
	}

	@PostMapping("/{id}/test")
	String sendTest(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		deliveries.sendTest(me.tenantId(), new WebhookEndpointId(id));
		redirect.addFlashAttribute("notice", "webhooks.test-queued");
		return "redirect:/webhooks/" + id;
	}
}
