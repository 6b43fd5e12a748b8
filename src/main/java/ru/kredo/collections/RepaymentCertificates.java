package ru.kredo.collections;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.documents.Agency;
import ru.kredo.documents.Certificates;
import ru.kredo.documents.Contract;
import ru.kredo.documents.Forgiveness;
import ru.kredo.documents.IssuedCertificate;
import ru.kredo.documents.PersonName;
import ru.kredo.documents.RepaymentCertificate;
import ru.kredo.platform.NotFound;
import ru.kredo.platform.Rejected;
import ru.kredo.tenancy.TenantId;

/**
 * The certificate of repayment (справка о погашении задолженности) of a repaid debt: what the debt was, what was paid,
 * what a signed settlement forgave and under which agreement. Issued by {@code documents} from what this module
 * knows of the debt, its debtor and the agency; documents knows nothing of debts (and cannot listen to this module:
 * collections already depends on it for the agency's {@link Agency}), so the owner of the debt hands it the paper.
 * <p>
 * Issued when the debt closes ({@link DebtClosed}), dated the day it closed; a debt the debtor asks about before that
 * happened (closed earlier, or the agency's requisites were missing then) gets it on his request, dated that day.
 * Either way once: issuing again returns the first.
 */
@Service
public class RepaymentCertificates {

	private static final Logger log = LoggerFactory.getLogger(RepaymentCertificates.class);

	private final Debts debts;
	private final Offers offers;
	private final Contacts contacts;
	private final AgencyRequisites requisites;
	private final Certificates certificates;
	private final BusinessCalendar calendar;

	RepaymentCertificates(Debts debts, Offers offers, Contacts contacts, AgencyRequisites requisites,
			Certificates certificates, BusinessCalendar calendar) {
		this.calendar = calendar;
		this.debts = debts;
		this.offers = offers;
		this.contacts = contacts;
		this.requisites = requisites;
		this.certificates = certificates;
	}

	/**
	 * A paid or settled debt's certificate: the one issued already, or one issued now and dated {@code issuedOn}.
	 *
	 * @throws NotFound {@code debt.not-found} for a debt not repaid (open, or written off: nothing was repaid), or
	 *     {@code certificate.requisites-missing} while the agency has not given its requisites
	 */
	public IssuedCertificate issue(TenantId tenant, DebtId id, LocalDate issuedOn) {
		Debt repaid = debts.get(tenant, id);
		if (!repaid.isClosed() || repaid.closedAs() == ClosedAs.WRITTEN_OFF) {
			throw new NotFound("debt.not-found", id);
		}
		Optional<IssuedCertificate> issued = certificates.find(tenant, id.value());
		if (issued.isPresent()) {
			return issued.get();
		}
		Contact person = contacts.get(tenant, repaid.contactId());
		return certificates.issue(tenant, new RepaymentCertificate(id.value(),
				requisites.of(tenant).orElseThrow(() -> new NotFound("certificate.requisites-missing", tenant)),
				new PersonName(person.name().lastName(), person.name().firstName(), person.name().middleName()),
				person.birthDate(), repaid.originalCreditor(), new Contract(repaid.contractNumber(), repaid.contractDate()),
				repaid.assignmentDate() == null ? repaid.contractDate() : repaid.assignmentDate(), repaid.originalTotal(),
				repaid.repaid(), forgiveness(tenant, repaid), repaid.closedOn(), issuedOn));
	}

	/**
	 * A debt paid or settled gets its certificate at once, dated the day it closed, so that it is there when the
	 * debtor comes for it. Without the agency's requisites there is nothing to print yet: it waits for his request.
	 * A certificate the debt's own data refuses (its dates out of order, say) is refused again on his request, with
	 * the reason; retrying it on every restart would change nothing, so the closing is handled all the same.
	 */
	@ApplicationModuleListener
	void on(DebtClosed closed) {
		if (closed.closedAs() == ClosedAs.WRITTEN_OFF) {
			return;
		}
		if (requisites.of(closed.tenantId()).isEmpty()) {
			log.info("Debt {} of tenant {} closed; its certificate waits for the agency's requisites", closed.debtId(),
					closed.tenantId());
			return;
		}
		try {
			issue(closed.tenantId(), closed.debtId(), closed.closedOn());
		}
		catch (Rejected refused) {
			log.warn("Debt {} of tenant {} closed; its certificate was refused: {}", closed.debtId(), closed.tenantId(),
					refused.code());
		}
	}

	/**
	 * What a signed agreement forgave of the debt and which agreement, as its certificate states it (a statement of
	 * payments too); empty when nothing was forgiven.
	 */
	public java.util.Optional<Forgiveness> forgiven(TenantId tenant, Debt debt) {
		return java.util.Optional.ofNullable(forgiveness(tenant, debt));
	}

	/**
	 * What the settlement that closed the debt forgave, with its agreement — a discounted restructuring plan's own when
	 * its completion forgave the rest; none when nothing was forgiven.
	 */
	private Forgiveness forgiveness(TenantId tenant, Debt repaid) {
		if (repaid.forgiven().isZero()) {
			return null;
		}
		SignedSettlement settlement = offers.fulfilled(tenant, repaid.id())
			.orElseThrow(() -> new IllegalStateException("Debt " + repaid.id() + " has a forgiven rest and no settlement"));
		return new Forgiveness(repaid.forgiven(), settlement.agreement().toString(),
				LocalDateTime.ofInstant(settlement.signedAt(), calendar.agencyZone()), settlement.signature().toString(),
				settlement.ofPlan() ? Forgiveness.Agreement.PLAN : Forgiveness.Agreement.SETTLEMENT);
	}
}
