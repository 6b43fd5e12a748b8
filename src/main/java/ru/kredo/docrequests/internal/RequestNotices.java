package ru.kredo.docrequests.internal;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import ru.kredo.conversations.DebtorNotices;
import ru.kredo.docrequests.DocumentRequestClosed;

/**
 * Tells the debtor that his document request was answered or declined, through the one outbound port, once the answer
 * is committed and off the operator's request (an event publication of its own, kept and retried if it fails). Once:
 * the request's {@code debtor_told_at} is set in the transaction that sends the text, so a second delivery of the
 * same closing (a publication resubmitted, docs/scaling.md) finds it told; a text that failed rolls it back.
 */
@Component
class RequestNotices {

	private final ObjectProvider<DebtorNotices> notices;
	private final JdbcClient jdbc;
	private final Clock clock;

	RequestNotices(ObjectProvider<DebtorNotices> notices, JdbcClient jdbc, Clock clock) {
		this.notices = notices;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(DocumentRequestClosed closed) {
		DebtorNotices port = notices.getIfAvailable();
		if (port != null && claimed(closed)) {
			port.documentRequestAnswered(closed.tenantId(), closed.debtorId());
		}
	}

	private boolean claimed(DocumentRequestClosed closed) {
		return jdbc.sql("""
				update document_requests set debtor_told_at = ?
				where tenant_id = ? and id = ? and debtor_told_at is null""")
			.params(Timestamp.from(clock.instant()), closed.tenantId().value(), closed.requestId())
			.update() == 1;
	}
}
