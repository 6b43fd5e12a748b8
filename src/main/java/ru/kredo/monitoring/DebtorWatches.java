package ru.kredo.monitoring;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditActor;
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.CreditHistoryBases;
import ru.kredo.collections.CreditHistoryBases.DebtBasis;
import ru.kredo.collections.DebtClosed;
import ru.kredo.contacts.ContactId;
import ru.kredo.platform.NotFound;
import ru.kredo.tenancy.TenantId;

/**
 * A collection agency's debtors on monitoring (segment {@link Segment#DEBTOR}), one by one or a whole portfolio at
 * once, each with the legal basis recorded as his watch's consent: the consent to the use of his credit history given
 * to the original creditor with the loan contract, which stays valid for the contract's life (ч. 9 ст. 6 218-ФЗ) and
 * passes with the claim to the agency it was assigned to — the agency's admin confirms that it holds those consents.
 * The basis is the debtor's debt not closed with the earliest contract ({@link CreditHistoryBases}); when his last debt
 * closes the basis is gone and his debtor watches stop ({@link StopReason#DEBTS_CLOSED}). docs/monitoring-debtors.md.
 */
@Service
public class DebtorWatches {

	/** How long a debtor is watched unless the admin says otherwise. */
	public static final int DEFAULT_MONTHS = 12;
	/** Debtors put on monitoring per transaction, so that a portfolio of 100,000 never holds one long transaction. */
	static final int CHUNK = 1_000;
	/** How a basis's consent purpose begins: what tells its watches from those with a consent of their own. */
	static final String PURPOSE = "Взыскание задолженности по договору № ";
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final CreditHistoryBases bases;
	private final Watches watches;
	private final AuditLog audit;

	DebtorWatches(CreditHistoryBases bases, Watches watches, AuditLog audit) {
		this.bases = bases;
		this.watches = watches;
		this.audit = audit;
	}

	/**
	 * What putting debtors on monitoring did: of {@code debtors} with a debt not closed, {@code watched} were put on
	 * monitoring now and {@code already} were on it (their watch is kept as it was).
	 */
	public record Result(int debtors, int watched, int already) implements java.io.Serializable {
	}

	/** Puts every debtor of the portfolio with a debt not closed on monitoring for {@code months}. */
	public Result watchPortfolio(TenantId tenant, UUID portfolio, int months, AuditActor actor) {
		List<DebtBasis> all = bases.ofPortfolio(tenant, portfolio);
		WatchTerms.validMonths(months);
		int watched = 0;
		for (int from = 0; from < all.size(); from += CHUNK) {
			watched += watch(tenant, all.subList(from, Math.min(all.size(), from + CHUNK)), months).size();
		}
		audit.record(tenant, actor, AuditAction.WATCH_ADDED, "portfolio", portfolio,
				"debtors:" + all.size() + ";watched:" + watched + ";months:" + months);
		return new Result(all.size(), watched, all.size() - watched);
	}

	/** Puts one debtor on monitoring for {@code months}; refused when none of his debts is open. */
	public Result watchDebtor(TenantId tenant, ContactId debtor, int months, AuditActor actor) {
		DebtBasis basis = bases.ofDebtor(tenant, debtor).orElseThrow(() -> new NotFound("debtor.no-open-debt", debtor.value()));
		WatchTerms.validMonths(months);
		Set<ContactId> watched = watch(tenant, List.of(basis), months);
		audit.record(tenant, actor, AuditAction.WATCH_ADDED, "contact", debtor.value(),
				"debtor-watch:" + (watched.isEmpty() ? "already" : "watched") + ";months:" + months);
		return new Result(1, watched.size(), 1 - watched.size());
	}

	private Set<ContactId> watch(TenantId tenant, List<DebtBasis> chunk, int months) {
		Map<ContactId, WatchTerms> terms = new LinkedHashMap<>();
		for (DebtBasis basis : chunk) {
			terms.put(basis.debtor(), new WatchTerms(Segment.DEBTOR, months, Set.of(), null, null, consent(basis),
					Set.of()));
		}
		return watches.watchKnown(tenant, terms);
	}

	/**
	 * The debtor's basis as his watch's consent: given on the contract's date, for collection under that contract,
	 * kept valid by it (no end known: while it lives).
	 */
	static Consent consent(DebtBasis basis) {
		return new Consent(basis.contractDate(), purpose(basis), ConsentMethod.OTHER, basis.contractDate(), null);
	}

	static String purpose(DebtBasis basis) {
		return PURPOSE + basis.contractNumber() + " от "
				+ DATE.format(basis.contractDate()) + ": согласие дано кредитору «" + basis.originalCreditor()
				+ "» с договором (ч. 9 ст. 6 218-ФЗ), права требования уступлены агентству"
				+ (basis.assignmentDate() == null ? "" : " " + DATE.format(basis.assignmentDate()));
	}

	/**
	 * A debtor's last debt closed: his basis is gone, and the watches put on by this basis stop (after the closing
	 * commits, in a transaction of their own: nothing here can undo a payment). A watch of his with a consent of its
	 * own (from a list's row or the form) is not this basis's to stop.
	 */
	@ApplicationModuleListener
	void on(DebtClosed closed) {
		if (bases.ofDebtor(closed.tenantId(), closed.debtorId()).isPresent()) {
			return;
		}
		for (Watch watch : watches.ofContact(closed.tenantId(), closed.debtorId())) {
			if (watch.segment() == Segment.DEBTOR && watch.status() != WatchStatus.STOPPED && watch.listId() == null
					&& watch.consent() != null && watch.consent().purpose().startsWith(PURPOSE)) {
				watches.stop(closed.tenantId(), watch.id(), StopReason.DEBTS_CLOSED);
			}
		}
	}
}
