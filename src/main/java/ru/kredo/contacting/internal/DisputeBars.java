package ru.kredo.contacting.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.kredo.audit.AuditActor;
import ru.kredo.collections.Dispute;
import ru.kredo.collections.DisputeOpened;
import ru.kredo.collections.DisputeResolved;
import ru.kredo.collections.Disputes;
import ru.kredo.contacting.BarKind;
import ru.kredo.contacting.ContactBars;

/**
 * A dispute stops the agency's contacts about its debt while it is open: {@link DisputeOpened} marks a
 * {@link BarKind#DISPUTE} bar on that debt (source {@code dispute:<id>}), {@link DisputeResolved} lifts it. Heard in
 * the transaction that opens or resolves the dispute, so no reminder goes out between the two. Delivered twice, or
 * late, either changes nothing: the bar is marked only while the dispute is still open (read again, not taken from
 * the event), and only the bar this dispute marked is lifted.
 */
@Component
class DisputeBars {

	static final AuditActor SYSTEM = new AuditActor("system:contacting", "Kredo");

	private final ContactBars bars;
	private final Disputes disputes;

	DisputeBars(ContactBars bars, Disputes disputes) {
		this.bars = bars;
		this.disputes = disputes;
	}

	@EventListener
	void on(DisputeOpened opened) {
		Dispute dispute = disputes.get(opened.tenantId(), opened.disputeId());
		if (dispute.isOpen()) {
			bars.mark(opened.tenantId(), dispute.contactId(), BarKind.DISPUTE, dispute.debtId(), source(dispute),
					null, SYSTEM);
		}
	}

	@EventListener
	void on(DisputeResolved resolved) {
		Dispute dispute = disputes.get(resolved.tenantId(), resolved.disputeId());
		boolean ours = bars.history(resolved.tenantId(), dispute.contactId()).stream()
			.anyMatch(bar -> bar.isStanding() && bar.bar().kind() == BarKind.DISPUTE
					&& dispute.debtId().equals(bar.bar().debt()) && source(dispute).equals(bar.source()));
		if (ours) {
			bars.lift(resolved.tenantId(), dispute.contactId(), BarKind.DISPUTE, dispute.debtId(), SYSTEM);
		}
	}

	private static String source(Dispute dispute) {
		return "dispute:" + dispute.id();
	}
}
