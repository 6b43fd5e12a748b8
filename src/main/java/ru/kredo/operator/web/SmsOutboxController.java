package ru.kredo.operator.web;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import ru.kredo.contacting.SmsDelivery;
import ru.kredo.tenancy.Tenant;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantId;
import ru.kredo.platform.RequestedPage;
import ru.kredo.platform.ListPage;
import ru.kredo.platform.Paging;

/**
 * The platform operator reads the development SMS outbox: the texts Kredo would have sent while no SMS provider is
 * configured, newest first. Only here (role OPERATOR, {@code /operator/**}); no tenant's page ever shows them.
 */
@Controller
@RequestMapping("/operator/sms-outbox")
class SmsOutboxController {

	private final SmsDelivery sms;
	private final TenantDirectory tenants;

	SmsOutboxController(SmsDelivery sms, TenantDirectory tenants) {
		this.sms = sms;
		this.tenants = tenants;
	}

	@GetMapping
	String outbox(Model model) {
		Map<TenantId, String> names = tenants.all().stream().collect(Collectors.toMap(Tenant::id, Tenant::name, (a, b) -> a));
		model.addAttribute("textsAreSent", sms.textsAreSent());
		Paging paging = RequestedPage.of(SmsDelivery.OUTBOX_PAGE);
		model.addAttribute("messages", ListPage.of(sms.page(paging.offset(), paging.limit()), sms.outboxSize(), paging));
		model.addAttribute("tenantNames", names);
		model.addAttribute("shown", SmsDelivery.OUTBOX_PAGE);
		return "operator/sms-outbox";
	}
}
