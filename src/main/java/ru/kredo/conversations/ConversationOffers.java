package ru.kredo.conversations;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.accounts.UserAccounts;
import ru.kredo.accounts.SignedInUser;
import ru.kredo.apikeys.ApiKeyPrincipal;
import ru.kredo.audit.AuditAction;
import ru.kredo.audit.AuditLog;
import ru.kredo.collections.Debt;
import ru.kredo.collections.DebtId;
import ru.kredo.collections.Debts;
import ru.kredo.collections.Offer;
import ru.kredo.collections.OfferedBy;
import ru.kredo.collections.Offers;
import ru.kredo.collections.OperatorOffer;
import ru.kredo.money.Amounts;
import ru.kredo.tenancy.Actor;
import ru.kredo.tenancy.TenantId;

/**
 * A settlement an operator offers the debtor from their conversation (docs/settlements.md, «Offered from the
 * conversation»): made by {@link Offers#offerFromConversation} on one of the debtor's open debts, within the agency's
 * ceiling, so it is the debt's offer that his cabinet shows and he signs with a texted code as he signs a rule's. In
 * the same transaction the conversation gets the operator's message saying so, with the sum and the date and nothing
 * internal (the rule's or operator's names are the staff's), and the offer is audited.
 */
@Service
public class ConversationOffers {

	/** The debtor's cabinet speaks Russian first, and the message is stored as written: it is written in Russian. */
	private static final Locale DEBTORS_LANGUAGE = Locale.forLanguageTag("ru");

	private final Conversations conversations;
	private final Offers offers;
	private final Debts debts;
	private final UserAccounts accounts;
	private final AuditLog audit;
	private final MessageSource messages;

	ConversationOffers(Conversations conversations, Offers offers, Debts debts, UserAccounts accounts, AuditLog audit,
			MessageSource messages) {
		this.conversations = conversations;
		this.offers = offers;
		this.debts = debts;
		this.accounts = accounts;
		this.audit = audit;
		this.messages = messages;
	}

	/**
	 * Offers the conversation's debtor a settlement on his debt, tells him so in the conversation, and audits it: on
	 * the inbox's page by its operator, through the API by its key ({@code by}). The message is the agency's answer
	 * written by {@code by}, as {@link Conversations#reply(TenantId, ConversationId, Actor, String, Upload)} writes it;
	 * the offer records who made it.
	 *
	 * @throws ru.kredo.platform.NotFound another agency's conversation, or a debt not his
	 * @throws ru.kredo.platform.InvalidFields as {@link Offers#offerFromConversation} refuses it
	 */
	@Transactional
	public Offer offer(TenantId tenant, ConversationId id, Actor by, DebtId debtId, OperatorOffer terms) {
		Conversation conversation = conversations.get(tenant, id);
		Offer made = offers.offerFromConversation(tenant, conversation.contactId(), debtId, terms, offeredBy(tenant, by));
		Debt debt = debts.get(tenant, debtId);
		String text = messages.getMessage("inbox.offer-made-message",
				new Object[] { debt.contractNumber(), Amounts.text(made.offerAmount().roubles()),
						Amounts.text(made.fullAmount().roubles()),
						made.validUntil().format(DateTimeFormatter.ofPattern("dd.MM.yyyy")) },
				DEBTORS_LANGUAGE);
		conversations.reply(tenant, id, by, text, null);
		audit.recordAbout(conversation.contactId().value(), AuditAction.OFFER_MADE, "debt", debtId.value(),
				"offer-discount:" + made.discountPercent() + ";valid-until:" + made.validUntil());
		return made;
	}

	/** The agency's user or API key that offers it, with the name the staff's card shows in place of a rule's. */
	private OfferedBy offeredBy(TenantId tenant, Actor by) {
		if (by instanceof SignedInUser user && user.tenantId().equals(tenant)) {
			return OfferedBy.user(user.userId().value(), accounts.get(tenant, user.userId()).displayName());
		}
		if (by instanceof ApiKeyPrincipal key && key.tenantId().equals(tenant)) {
			return OfferedBy.apiKey(key.keyId().value(), key.displayName());
		}
		throw new IllegalArgumentException("Not one of the agency's users or keys: " + by.auditName());
	}
}
