package ru.kredo.cabinet.web;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import ru.kredo.cabinet.SignedInDebtor;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtId;
import ru.kredo.collections.Debts;
import ru.kredo.platform.NotFound;
import ru.kredo.tenancy.Tenant;

/** The signed-in debtor's own debt, as a cabinet page names it in its address. */
@Component
class OwnDebts {

	private final Debts debts;

	OwnDebts(Debts debts) {
		this.debts = debts;
	}

	/** His debt; no debtor, no such debt or another's are one 404, which says none of them. */
	Debt get(Tenant tenant, Optional<SignedInDebtor> debtor, UUID debt) {
		return get(tenant, debtor.orElse(null), debt);
	}

	Debt get(Tenant tenant, SignedInDebtor debtor, UUID debt) {
		Debt owned = debtor == null ? null : debts.get(tenant.id(), new DebtId(debt));
		if (owned == null || !owned.contactId().equals(debtor.contactId())) {
			throw new NotFound("debt.not-found", debt);
		}
		return owned;
	}
}
