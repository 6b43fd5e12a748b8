package ru.kredo.contacting.internal;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import ru.kredo.contacts.PhoneNumber;
import ru.kredo.privacy.PersonalData;
import ru.kredo.tenancy.TenantId;

/** The development outbox: texts are stored (sealed) instead of sent. */
@Component
@ConditionalOnProperty(name = "kredo.sms.provider", havingValue = "outbox", matchIfMissing = true)
class OutboxSmsGateway implements SmsGateway {

	private final JdbcClient jdbc;
	private final PersonalData personalData;
	private final Clock clock;

	OutboxSmsGateway(JdbcClient jdbc, PersonalData personalData, Clock clock) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.clock = clock;
	}

	@Override
	public void send(TenantId tenant, PhoneNumber phone, String text, String sender) {
		jdbc.sql("insert into sms_outbox (tenant_id, phone, text, created_at) values (?, ?, ?, ?)")
			.params(tenant.value(), personalData.seal("sms_outbox.phone", phone.e164()).bytes(),
					personalData.seal("sms_outbox.text", text).bytes(), Timestamp.from(clock.instant()))
			.update();
	}

	@Override
	public boolean isOutbox() {
		return true;
	}
}
