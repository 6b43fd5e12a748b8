package ru.kredo.docrequests.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import ru.kredo.conversations.DebtorNotices;
import ru.kredo.docrequests.DocumentRequestClosed;

/**
 * Tells the debtor that his document request was answered or declined, through the one outbound port, once the answer
 * is committed and off the operator's request (an event publication of its own, kept and retried if it fails).
 */
@Component
class RequestNotices {

	private final ObjectProvider<DebtorNotices> notices;

	RequestNotices(ObjectProvider<DebtorNotices> notices) {
		this.notices = notices;
	}

	@ApplicationModuleListener
	void on(DocumentRequestClosed closed) {
		DebtorNotices port = notices.getIfAvailable();
		if (port != null) {
			port.documentRequestAnswered(closed.tenantId(), closed.debtorId());
		}
	}
}
