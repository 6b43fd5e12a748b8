package ru.kredo.conversations.web;

import org.springframework.stereotype.Component;

import ru.kredo.accounts.SignedInUser;
import ru.kredo.conversations.Conversations;
import ru.kredo.tenancy.TenantKind;

/**
 * The navbar's count of an agency's conversations with messages no operator has read; the layout calls it as
 * {@code ${@inboxBadge.unread(me)}}.
 */
@Component("inboxBadge")
public class InboxBadge {

	private final Conversations conversations;

	InboxBadge(Conversations conversations) {
		this.conversations = conversations;
	}

	public long unread(SignedInUser me) {
		return me == null || me.tenantKind() != TenantKind.COLLECTOR ? 0 : conversations.unreadForStaff(me.tenantId());
	}
}
