package ru.kredo;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantId;

/**
 * The codes an agency's texts carry (sign-in and signing codes), as a debtor reads them on his phone: tests wait for a
 * text (they go out on another thread, after their challenge commits) and read its code.
 */
@Component
public class TextedCodes {

	/** Six digits standing alone — not part of the agency's name, a contract number or a phone —, the last such. */
	private static final Pattern CODE = Pattern.compile("(?<![\\w/-])(\\d{6})(?!\\w)");

	private final JdbcClient jdbc;
	private final PersonalData personalData;

	TextedCodes(JdbcClient jdbc, PersonalData personalData) {
		this.jdbc = jdbc;
		this.personalData = personalData;
	}

	/** The code in the agency's latest text, once it has sent at least {@code texts}. */
	public String latest(TenantId agency, int texts) {
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(agency) >= texts);
		byte[] text = jdbc.sql("select text from sms_outbox where tenant_id = ? order by id desc limit 1")
			.param(agency.value()).query(byte[].class).single();
		Matcher code = CODE.matcher(personalData.open("sms_outbox.text", new Sealed(text)));
		String found = null;
		while (code.find()) {
			found = code.group(1);
		}
		if (found == null) {
			throw new AssertionError("the agency's latest text carries no code");
		}
		return found;
	}

	/** How many texts the agency has sent. */
	public long count(TenantId agency) {
		return jdbc.sql("select count(*) from sms_outbox where tenant_id = ?").param(agency.value()).query(Long.class)
			.single();
	}
}
