package ru.kredo.cabinet.web;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.AgencyRequisites;
import ru.kredo.collections.Debt;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.documents.Agency;
import ru.kredo.documents.Contract;
import ru.kredo.documents.Instalment;
import ru.kredo.documents.PaymentDocuments;
import ru.kredo.documents.PaymentSchedule;
import ru.kredo.documents.PersonName;
import ru.kredo.documents.SettlementAgreement;
import ru.kredo.platform.NotFound;
import ru.kredo.plans.Plan;
import ru.kredo.plans.Plans;

/**
 * The debtor's copies of the restructuring plan he signed on a debt, as PDFs made by {@code documents} on demand: the
 * agreement — the settlement agreement's document, headed for a plan ({@link SettlementAgreement.Kind#PLAN}): the
 * figures, the schedule as signed, the text he read ({@code plans.signed_terms}) and the signature's record with the
 * masked number the code went to ({@code plans.signed_phone}; older plans say it was not kept) — and the
 * plan's schedule as it stands now (after a repair, the new dates), the payment schedule's document.
 */
@Component
class PlanDocuments {

	private final Plans plans;
	private final Contacts contacts;
	private final AgencyRequisites requisites;
	private final PaymentDocuments documents;
	private final BusinessCalendar calendar;

	PlanDocuments(Plans plans, Contacts contacts, AgencyRequisites requisites, PaymentDocuments documents,
			BusinessCalendar calendar) {
		this.plans = plans;
		this.contacts = contacts;
		this.requisites = requisites;
		this.documents = documents;
		this.calendar = calendar;
	}

	/** The latest plan he signed on this debt, if any (running, completed or broken). */
	Optional<Plan> signed(Debt debt) {
		return plans.ofDebt(debt.tenantId(), debt.id()).stream().filter(p -> p.signedAt() != null).findFirst();
	}

	/** The copy of the plan's agreement. @throws NotFound no plan signed on the debt, or no requisites yet */
	byte[] agreement(Debt debt) {
		Plan plan = signed(debt).orElseThrow(() -> new NotFound("plan.not-found", debt.id()));
		String text = plans.signedTerms(debt.tenantId(), plan.id()).orElse(null);
		// The table is the schedule as it stands (a repair moves dates); the text he signed, printed below it, keeps
		// the schedule as it was signed.
		List<Instalment> agreed = instalments(plan);
		return documents.agreement(new SettlementAgreement(agency(debt), person(debt),
				new Contract(debt.contractNumber(), debt.contractDate()), debt.originalCreditor(), plan.id().toString(),
				plan.isDiscounted() ? plan.discountedFrom() : plan.total(), plan.total(), agreed, text, ZonedDateTime.ofInstant(plan.signedAt(), calendar.agencyZone()),
				plan.signature().toString(), plans.signedPhone(debt.tenantId(), plan.id()).orElse(null), calendar.today(),
				SettlementAgreement.Kind.PLAN));
	}

	/** The plan's schedule as it stands. @throws NotFound no plan signed on the debt, or no requisites yet */
	byte[] schedule(Debt debt) {
		Plan plan = signed(debt).orElseThrow(() -> new NotFound("plan.not-found", debt.id()));
		List<Instalment> instalments = instalments(plan);
		java.time.LocalDate signedOn = calendar.agencyDate(plan.signedAt());
		java.time.LocalDate first = instalments.getFirst().dueOn();
		return documents.schedule(new PaymentSchedule(agency(debt), person(debt),
				new Contract(debt.contractNumber(), debt.contractDate()), first.isBefore(signedOn) ? first : signedOn,
				instalments, calendar.today()));
	}

	private static List<Instalment> instalments(Plan plan) {
		return plan.instalments().stream().map(i -> new Instalment(i.due(), i.amount())).toList();
	}

	private Agency agency(Debt debt) {
		return requisites.of(debt.tenantId())
			.orElseThrow(() -> new NotFound("certificate.requisites-missing", debt.tenantId()));
	}

	private PersonName person(Debt debt) {
		Contact person = contacts.get(debt.tenantId(), debt.contactId());
		return new PersonName(person.name().lastName(), person.name().firstName(), person.name().middleName());
	}
}
