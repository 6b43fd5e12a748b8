package ru.kredo.cabinet.web;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.cabinet.CabinetActivity;
import ru.kredo.collections.Debt;
import ru.kredo.collections.Debts;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;

/**
 * A debtor's cabinet activity, for the agency's debtor card (which loads it here: the card belongs to collections,
 * which the cabinet builds on, not the other way round). Times are shown in Moscow time.
 */
@Controller
class DebtorActivityController {

	static final int LATEST = 100;

	private final CabinetActivity activity;
	private final Contacts contacts;
	private final Debts debts;

	DebtorActivityController(CabinetActivity activity, Contacts contacts, Debts debts) {
		this.activity = activity;
		this.contacts = contacts;
		this.debts = debts;
	}

	@GetMapping("/debtors/{id}/cabinet-activity")
	String activity(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Model model) {
		ContactId debtor = contacts.get(me.tenantId(), new ContactId(id)).id();
		Map<UUID, String> contracts = debts.ofContact(me.tenantId(), debtor).stream()
			.collect(Collectors.toMap(d -> d.id().value(), Debt::contractNumber));
		model.addAttribute("entries", activity.of(me.tenantId(), debtor, LATEST));
		model.addAttribute("firstVisit", activity.firstVisit(me.tenantId(), debtor).orElse(null));
		model.addAttribute("contracts", contracts);
		return "cabinet/activity :: activity";
	}
}
