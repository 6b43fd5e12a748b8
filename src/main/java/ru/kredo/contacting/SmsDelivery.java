package ru.kredo.contacting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.kredo.contacting.internal.SmsGateway;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantId;

/**
 * Whether Kredo's texts (cabinet sign-in codes, signing codes) really reach phones, and, while they do not, the
 * development outbox they are kept in instead. The outbox is a table ({@code sms_outbox}, phone and text sealed), so
 * it survives restarts and is the same on every node; only the platform operator reads it, newest first and at most
 * {@link #OUTBOX_PAGE} at a time. A tenant's own pages never show a code (only a demo tenant's cabinet does).
 */
@Service
public class SmsDelivery {

	/** How many of the latest outbox messages the operator's page shows. */
	public static final int OUTBOX_PAGE = 100;

	private final SmsGateway sms;
	private final JdbcClient jdbc;
	private final PersonalData personalData;

	SmsDelivery(SmsGateway sms, JdbcClient jdbc, PersonalData personalData) {
		this.sms = sms;
		this.jdbc = jdbc;
		this.personalData = personalData;
	}

	/** False while no SMS provider is configured ({@code kredo.sms.provider=outbox}, the default): nothing is sent. */
	public boolean textsAreSent() {
		return !sms.isOutbox();
	}

	/** The latest outbox messages of all tenants, newest first; none when texts really go out. */
	public List<OutboxMessage> latest(int limit) {
		if (textsAreSent()) {
			return List.of();
		}
		return jdbc.sql("select tenant_id, phone, text, created_at from sms_outbox order by id desc limit ?")
			.param(Math.clamp(limit, 1, OUTBOX_PAGE))
			.query((row, n) -> new OutboxMessage(new TenantId(row.getObject("tenant_id", UUID.class)),
					masked(personalData.open("sms_outbox.phone", new Sealed(row.getBytes("phone")))),
					personalData.open("sms_outbox.text", new Sealed(row.getBytes("text"))),
					row.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** The outbox a page at a time, newest first, for the operator's page. */
	public List<OutboxMessage> page(int offset, int limit) {
		if (textsAreSent()) {
			return List.of();
		}
		return jdbc.sql("select tenant_id, phone, text, created_at from sms_outbox order by id desc offset ? limit ?")
			.params(offset, Math.clamp(limit, 1, OUTBOX_PAGE))
			.query((row, n) -> new OutboxMessage(new TenantId(row.getObject("tenant_id", UUID.class)),
					masked(personalData.open("sms_outbox.phone", new Sealed(row.getBytes("phone")))),
					personalData.open("sms_outbox.text", new Sealed(row.getBytes("text"))),
					row.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** How many texts the outbox holds. */
	public long outboxSize() {
		return textsAreSent() ? 0 : jdbc.sql("select count(*) from sms_outbox").query(Long.class).single();
	}

	private static String masked(String e164) {
		try {
			return PhoneNumber.parse(e164).masked();
		}
		catch (RuntimeException ex) {
			return "***";
		}
	}

	/** A text kept in the outbox: whose it is, to which phone (masked), what it says and when. */
	public record OutboxMessage(TenantId tenantId, String maskedPhone, String text, Instant createdAt) {

		@Override
		public String toString() {
			return "OutboxMessage[" + tenantId + ", " + createdAt + "]";
		}
	}
}
