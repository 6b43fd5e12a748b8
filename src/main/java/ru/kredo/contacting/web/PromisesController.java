package ru.kredo.contacting.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtId;
import ru.kredo.collections.Debts;
import ru.kredo.contacting.Promise;
import ru.kredo.contacting.Promises;
import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.platform.ListPage;
import ru.kredo.platform.Paging;
import ru.kredo.tenancy.TenantClocks;

/**
 * The inbox's «Обещания оплатить»: the promises to pay made on calls, each from its date (the agency's today, on the
 * tenant's clock, a sandbox's moved one too) until kept; those whose date has passed are marked overdue.
 */
@Controller
class PromisesController {

	static final int PAGE_SIZE = 50;

	private final Promises promises;
	private final Contacts contacts;
	private final Debts debts;
	private final TenantClocks clocks;

	PromisesController(Promises promises, Contacts contacts, Debts debts, TenantClocks clocks) {
		this.promises = promises;
		this.contacts = contacts;
		this.debts = debts;
		this.clocks = clocks;
	}

	/** A promise as the tab shows it. */
	record Row(Promise promise, FullName debtor, Debt debt, boolean overdue) {
	}

	@GetMapping("/inbox/promises")
	String due(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "0") int page, Model model) {
		LocalDate today = clocks.today(me.tenantId());
		ListPage<Promise> found = promises.due(me.tenantId(), today, Paging.page(page, PAGE_SIZE));
		// A page's names and debts in one statement each, not one per promise.
		Map<ContactId, FullName> names = contacts.names(me.tenantId(),
				found.items().stream().map(Promise::debtor).distinct().toList());
		Map<DebtId, Debt> owed = debts.get(me.tenantId(), found.items().stream().map(Promise::debt).distinct().toList());
		List<Row> rows = found.items().stream()
			.map(p -> new Row(p, names.get(p.debtor()), owed.get(p.debt()), p.isOverdue(today)))
			.toList();
		model.addAttribute("lines", ListPage.of(rows, found.total(), found.paging()));
		model.addAttribute("today", today);
		return "contacting/promises";
	}
}
