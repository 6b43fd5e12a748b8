package ru.kredo.contacting.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.collections.DebtId;
import ru.kredo.contacting.AgencyWordings;
import ru.kredo.contacting.ContactTemplates;
import ru.kredo.contacting.Contacting;
import ru.kredo.contacting.Initiative;
import ru.kredo.contacting.MessageTemplate;
import ru.kredo.contacting.Outbound;
import ru.kredo.contacting.StatementNotices;
import ru.kredo.contacts.ContactId;
import ru.kredo.conversations.DebtorNotices;
import ru.kredo.money.Amounts;
import ru.kredo.money.Money;
import ru.kredo.platform.PublicAddress;
import ru.kredo.tenancy.TenantClocks;
import ru.kredo.tenancy.TenantId;

/**
 * The chat's outbound port, by text, through the gate ({@link Contacting}): every notice is the agency's template
 * ({@link ContactTemplates}) filled in, naming the agency and its phone (137-ФЗ), and asked of the contact rules.
 * <ul>
 * <li>the agency answered in the chat, answered his document request, or answered his statement of ст. 8 (confirmed or
 * declined it): a {@link Initiative#REPLY} (not counted, not stopped by a bar, held to his hours), going stale after
 * {@link #REPLY_FRESH};</li>
 * <li>an instalment of his plan falls due: a {@link Initiative#COLLECTION} contact about the debt, stale after the end
 * of its due date (the agency's date, in its zone);</li>
 * <li>his plan fell behind: a collection contact about the debt, stale {@link #BEHIND_FRESH} after it was asked.</li>
 * </ul>
 * A debtor with no phone but an e-mail on file gets the same text by e-mail (the gate chooses); with neither, nothing
 * (the log says NO_ADDRESS). docs/contact-rules.md «The e-mail channel».
 */
@Component
class AnswerTexts implements DebtorNotices, StatementNotices {

	/** A chat or document answer told later than this is no news: he will have looked. */
	static final Duration REPLY_FRESH = Duration.ofDays(3);
	/** A plan's fall told later than this is stale: the plan check will have moved on (broken, or repaired). */
	static final Duration BEHIND_FRESH = Duration.ofDays(3);
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final Contacting gate;
	private final PublicAddress address;
	private final TenantClocks clocks;
	private final BusinessCalendar calendar;

	AnswerTexts(Contacting gate, PublicAddress address, TenantClocks clocks,
			BusinessCalendar calendar) {
		this.gate = gate;
		this.address = address;
		this.clocks = clocks;
		this.calendar = calendar;
	}

	@Override
	public void agencyAnswered(TenantId agency, ContactId debtor) {
		new Batch(gate.batch()).agencyAnswered(agency, debtor);
	}

	@Override
	public void documentRequestAnswered(TenantId agency, ContactId debtor) {
		new Batch(gate.batch()).documentRequestAnswered(agency, debtor);
	}

	@Override
	public void statementAnswered(TenantId agency, ContactId debtor) {
		new Batch(gate.batch()).statementAnswered(agency, debtor);
	}

	@Override
	public void planInstalmentDue(TenantId agency, ContactId debtor, DebtId debt, Money amount, LocalDate due) {
		new Batch(gate.batch()).planInstalmentDue(agency, debtor, debt, amount, due);
	}

	@Override
	public void planBehind(TenantId agency, ContactId debtor, DebtId debt, Money amount, LocalDate due) {
		new Batch(gate.batch()).planBehind(agency, debtor, debt, amount, due);
	}

	/** The agency's name, phone, sender and templates read once for the batch's notices, not once a notice. */
	@Override
	public DebtorNotices batch() {
		return new Batch(gate.batch());
	}

	/** Notices told with one batch's wordings. */
	private final class Batch implements DebtorNotices {

		private final AgencyWordings wordings;

		Batch(AgencyWordings wordings) {
			this.wordings = wordings;
		}

		@Override
		public void agencyAnswered(TenantId agency, ContactId debtor) {
			send(agency, debtor, null, MessageTemplate.CHAT_ANSWERED, "/chat", null, null,
					clocks.clock(agency).instant().plus(REPLY_FRESH));
		}

		@Override
		public void documentRequestAnswered(TenantId agency, ContactId debtor) {
			send(agency, debtor, null, MessageTemplate.DOCUMENT_REQUEST_ANSWERED, "/documents", null, null,
					clocks.clock(agency).instant().plus(REPLY_FRESH));
		}

		void statementAnswered(TenantId agency, ContactId debtor) {
			send(agency, debtor, null, MessageTemplate.STATEMENT_ANSWERED, "/rights", null, null,
					clocks.clock(agency).instant().plus(REPLY_FRESH));
		}

		@Override
		public void planInstalmentDue(TenantId agency, ContactId debtor, DebtId debt, Money amount, LocalDate due) {
			send(agency, debtor, debt, MessageTemplate.PLAN_INSTALMENT_DUE, "/debts/" + debt.value(), amount, due,
					due.plusDays(1).atStartOfDay(calendar.agencyZone()).toInstant());
		}

		@Override
		public void planBehind(TenantId agency, ContactId debtor, DebtId debt, Money amount, LocalDate due) {
			send(agency, debtor, debt, MessageTemplate.PLAN_BEHIND, "/debts/" + debt.value(), amount, due,
					clocks.clock(agency).instant().plus(BEHIND_FRESH));
		}

		@Override
		public DebtorNotices batch() {
			return this;
		}

		private void send(TenantId agency, ContactId debtor, DebtId debt, MessageTemplate template, String page,
				Money amount, LocalDate date, java.time.Instant notAfter) {
			Map<String, String> values = new HashMap<>();
			values.put("{agency}", wordings.name(agency));
			values.put("{phone}", wordings.phone(agency).orElse(null));
			values.put("{link}", address.of("/cabinet/" + agency.value() + page).toString());
			values.put("{amount}", amount == null ? null : Amounts.text(amount.roubles()));
			values.put("{date}", date == null ? null : DAY.format(date));
			String text = ContactTemplates.render(wordings.text(agency, template), values);
			gate.send(Outbound.text(agency, debtor, debt, template.initiative(), template.purpose(), text, notAfter),
					wordings);
		}
	}
}
