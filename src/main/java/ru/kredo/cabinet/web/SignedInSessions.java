package ru.kredo.cabinet.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.stereotype.Component;

import ru.kredo.cabinet.SignedInDebtor;

/**
 * Whether a session is still signed in as a debtor, asked of the session store itself ({@code kredo.sessions.store},
 * memory or database) rather than of the request that opened a live page: «Выйти», a sign-in as someone else, or the
 * session's expiry are seen there at once, whichever node served them.
 */
@Component
class SignedInSessions {

	private final ObjectProvider<SessionRepository<? extends Session>> sessions;

	SignedInSessions(ObjectProvider<SessionRepository<? extends Session>> sessions) {
		this.sessions = sessions;
	}

	/** Whether the stored session {@code id} still holds this very debtor (not expired, not signed out). */
	boolean stillSignedIn(String id, SignedInDebtor debtor) {
		SessionRepository<? extends Session> store = sessions.getIfAvailable();
		Session session = store == null ? null : store.findById(id);
		return session != null && !session.isExpired()
				&& debtor.equals(session.getAttribute(SignedInDebtors.ATTRIBUTE));
	}
}
