package ru.kredo.dashboard;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import ru.kredo.accounts.UserAccounts;
import ru.kredo.apikeys.ApiKeys;
import ru.kredo.audit.AuditLog;
import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.contacting.SmsDelivery;
import ru.kredo.contacts.Contacts;
import ru.kredo.monitoring.WatchStatus;
import ru.kredo.monitoring.Watches;
import ru.kredo.payments.PaymentSettings;
import ru.kredo.signals.Signals;
import ru.kredo.tenancy.CurrentTenant;
import ru.kredo.tenancy.TenantDirectory;
import ru.kredo.tenancy.TenantId;
import ru.kredo.tenancy.TenantKind;

@Controller
class DashboardController {

	private final CurrentTenant current;
	private final TenantDirectory tenants;
	private final Contacts contacts;
	private final UserAccounts users;
	private final ApiKeys apiKeys;
	private final AuditLog audit;
	private final Signals signals;
	private final Watches watches;
	private final SmsDelivery sms;
	private final PaymentSettings payments;
	private final BusinessCalendar calendar;

	DashboardController(CurrentTenant current, TenantDirectory tenants, Contacts contacts, UserAccounts users,
			ApiKeys apiKeys, AuditLog audit, Signals signals, Watches watches, SmsDelivery sms,
			PaymentSettings payments, BusinessCalendar calendar) {
		this.calendar = calendar;
		this.sms = sms;
		this.payments = payments;
		this.current = current;
		this.tenants = tenants;
		this.contacts = contacts;
		this.users = users;
		this.apiKeys = apiKeys;
		this.audit = audit;
		this.signals = signals;
		this.watches = watches;
	}

	@GetMapping("/")
	String dashboard(Model model) {
		TenantId tenant = current.id();
		model.addAttribute("tenant", tenants.get(tenant));
		if (current.kind() == TenantKind.PLATFORM) {
			model.addAttribute("tenantCount", tenants.all().size() - 1);
			// Whether this year's and next year's working days come from a decree or are provisional: the operator
			// adds a new decree's year in kredo.calendar.directory (docs/calendar.md).
			int year = calendar.today().getYear();
			model.addAttribute("calendarYears", List.of(calendar.days().source(year), calendar.days().source(year + 1)));
		}
		model.addAttribute("contactCount", contacts.count(tenant));
		if (current.kind() != TenantKind.PLATFORM) {
			model.addAttribute("openSignals", signals.countOpen(tenant));
			model.addAttribute("urgentSignals", signals.toCallToday(tenant, 5));
			// A bankruptcy is a warning to heed, never a call to make: it has a block of its own.
			model.addAttribute("doNotContact", signals.doNotContact(tenant, 5));
			model.addAttribute("watched", watches.count(tenant, WatchStatus.ACTIVE));
			model.addAttribute("lapsing", watches.countLapsingSoon(tenant));
		}
		// An agency's debtors sign in with texted codes: its admin must know when none is being sent.
		model.addAttribute("smsNotSent", current.kind() == TenantKind.COLLECTOR && !sms.textsAreSent());
		if (current.kind() == TenantKind.COLLECTOR) {
			// An agency whose debtors cannot pay online is told so: no ЮKassa shop, and the sandbox is the demo's alone.
			model.addAttribute("paymentsAvailable", payments.available(tenant));
		}
		model.addAttribute("userCount", users.count(tenant));
		model.addAttribute("apiKeyCount", apiKeys.countActive(tenant));
		model.addAttribute("recent", audit.latest(tenant, 8));
		return "dashboard";
	}
}
