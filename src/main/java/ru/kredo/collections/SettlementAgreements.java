package ru.kredo.collections;

import java.time.ZonedDateTime;

import org.springframework.stereotype.Service;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.documents.Contract;
import ru.kredo.documents.Instalment;
import ru.kredo.documents.PaymentDocuments;
import ru.kredo.documents.PersonName;
import ru.kredo.documents.SettlementAgreement;
import ru.kredo.platform.NotFound;
import ru.kredo.tenancy.TenantId;

/**
 * The copy of a settlement agreement the debtor signed with a texted code (соглашение о прощении части долга, ст. 415
 * ГК РФ), for him (the cabinet's «Документы» and the debt's page) and for the agency's staff (the debtor's card); made
 * by {@code documents} from what this module kept when he signed: the figures (the balance at signing and the sum he
 * undertook to pay), the schedule of parts, the very text the signing page showed him, when he signed, the record of
 * the signature and the number the code went to. None of it is read from the agency's rules, so a rule changed or
 * switched off later does not change the copy. A settlement still in force, paid, or lapsed has its copy alike: he
 * signed each of them.
 * <p>
 * The header names the agency and the debtor as every Kredo document does, from the agency's requisites and the
 * debtor's ФИО as they are today (docs/settlements.md, «The copy of the signed agreement»).
 */
@Service
public class SettlementAgreements {

	private final Debts debts;
	private final Offers offers;
	private final Contacts contacts;
	private final AgencyRequisites requisites;
	private final PaymentDocuments documents;
	private final BusinessCalendar calendar;

	SettlementAgreements(Debts debts, Offers offers, Contacts contacts, AgencyRequisites requisites,
			PaymentDocuments documents, BusinessCalendar calendar) {
		this.debts = debts;
		this.offers = offers;
		this.contacts = contacts;
		this.requisites = requisites;
		this.documents = documents;
		this.calendar = calendar;
	}

	/**
	 * The copy of the agreement signed on this debt, as a PDF.
	 *
	 * @throws NotFound {@code debt.not-found} (another agency's debt, or none), {@code offer.not-found} (no settlement
	 *     signed on it), {@code certificate.requisites-missing} (the agency has not given its requisites yet)
	 */
	public byte[] pdf(TenantId tenant, DebtId debt) {
		return documents.agreement(copy(tenant, debt));
	}

	/** The copy of the agreement signed on this debt, as the document prints it; see {@link #pdf}. */
	public SettlementAgreement copy(TenantId tenant, DebtId id) {
		Debt debt = debts.get(tenant, id);
		// An offer a discounted plan took is printed as the plan's agreement (module plans), not here.
		Offer offer = offers.find(tenant, id).filter(Offer::wasAccepted).filter(o -> !offers.takenByPlan(tenant, id))
			.orElseThrow(() -> new NotFound("offer.not-found", id));
		Offers.Signature signature = offers.signature(tenant, id)
			.orElseThrow(() -> new NotFound("offer.not-found", id));
		Contact person = contacts.get(tenant, debt.contactId());
		return new SettlementAgreement(
				requisites.of(tenant).orElseThrow(() -> new NotFound("certificate.requisites-missing", tenant)),
				new PersonName(person.name().lastName(), person.name().firstName(), person.name().middleName()),
				new Contract(debt.contractNumber(), debt.contractDate()), debt.originalCreditor(), offer.id().toString(),
				offer.fullAmount(), offer.offerAmount(),
				offer.schedule().stream().map(part -> new Instalment(part.dueOn(), part.amount())).toList(),
				offer.signedTerms(), ZonedDateTime.ofInstant(offer.acceptedAt(), calendar.agencyZone()),
				signature.record().toString(), signature.maskedPhone(), calendar.today());
	}

	/** The copy's file name, «soglashenie-KD-1_2021.pdf»: the same for the debtor and for the agency's staff. */
	public static String fileName(Debt debt) {
		return "soglashenie-" + debt.contractNumber().replaceAll("[^\\w-]", "_") + ".pdf";
	}
}
