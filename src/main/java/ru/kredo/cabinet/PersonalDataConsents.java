package ru.kredo.cabinet;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.kredo.contacts.ContactId;
import ru.kredo.platform.Sha256;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantId;

/**
 * A debtor's consent to processing personal data, a separate document (ст. 9 152-ФЗ as amended from 01.09.2025):
 * each answer — given, or refused and later withdrawn — is kept with the exact text's version (its SHA-256, the text
 * itself kept once per version), when, and the address and browser it came from. The latest answer to the current
 * version stands; a changed text is a new version, asked again. What the consent covers is in {@code docs/privacy.md}.
 */
@Service
public class PersonalDataConsents {

	/** The longest browser description kept; a longer one is cut (it is evidence, not an identifier). */
	static final int MAX_USER_AGENT = 500;

	private final JdbcClient jdbc;
	private final PersonalData personalData;
	private final Clock clock;

	PersonalDataConsents(JdbcClient jdbc, PersonalData personalData, Clock clock) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.clock = clock;
	}

	/** A text's version: the hex SHA-256 of its UTF-8 bytes. */
	public static String version(String text) {
		return Sha256.hex(text);
	}

	/** The debtor's latest answer to this exact text; none if he was never asked it (or it changed since). */
	public Optional<Boolean> answer(TenantId tenant, ContactId debtor, String text) {
		return jdbc.sql("""
				select given from personal_data_consents where tenant_id = ? and contact_id = ? and version = ?
				order by at desc, id desc limit 1""")
			.params(tenant.value(), debtor.value(), version(text))
			.query(Boolean.class)
			.optional();
	}

	/** Whether the debtor's consent to this text stands: given, and not withdrawn since. */
	public boolean given(TenantId tenant, ContactId debtor, String text) {
		return answer(tenant, debtor, text).orElse(false);
	}

	/** Records his answer to the text he was shown, from {@code address} with {@code userAgent}. */
	@Transactional
	public Answer record(TenantId tenant, ContactId debtor, String text, boolean given, String address, String userAgent) {
		String version = version(text);
		Instant now = clock.instant();
		jdbc.sql("""
				insert into consent_texts (tenant_id, version, text, first_shown_at) values (?, ?, ?, ?)
				on conflict do nothing""")
			.params(tenant.value(), version, text, Timestamp.from(now))
			.update();
		String agent = userAgent == null || userAgent.isBlank() ? null
				: userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT));
		jdbc.sql("""
				insert into personal_data_consents (tenant_id, contact_id, version, given, at, address, user_agent)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(tenant.value(), debtor.value(), version, given, Timestamp.from(now),
					personalData.seal("personal_data_consents.address", address).bytes(),
					agent == null ? null : personalData.seal("personal_data_consents.user_agent", agent).bytes())
			.update();
		return new Answer(version, given, now, address, agent);
	}

	/** The debtor's answers, newest first, at most {@code limit}. */
	public List<Answer> of(TenantId tenant, ContactId debtor, int limit) {
		return jdbc.sql("""
				select version, given, at, address, user_agent from personal_data_consents
				where tenant_id = ? and contact_id = ? order by at desc, id desc limit ?""")
			.params(tenant.value(), debtor.value(), limit)
			.query((row, n) -> new Answer(row.getString("version"), row.getBoolean("given"),
					row.getTimestamp("at").toInstant(),
					personalData.open("personal_data_consents.address", new Sealed(row.getBytes("address"))),
					row.getBytes("user_agent") == null ? null
							: personalData.open("personal_data_consents.user_agent", new Sealed(row.getBytes("user_agent")))))
			.list();
	}

	/** The exact text of a version the agency showed. */
	public Optional<String> text(TenantId tenant, String version) {
		return jdbc.sql("select text from consent_texts where tenant_id = ? and version = ?")
			.params(tenant.value(), version)
			.query(String.class)
			.optional();
	}

	/**
	 * One answer.
	 *
	 * @param version the SHA-256 of the text answered
	 * @param given {@code true} for consent given, {@code false} for refused or withdrawn
	 */
	public record Answer(String version, boolean given, Instant at, String address, String userAgent) {
	}
}
