package ru.kredo.contacting;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import ru.kredo.contacts.ContactId;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.privacy.PersonalData;
import ru.kredo.privacy.Sealed;
import ru.kredo.tenancy.TenantId;

/**
 * The debtor's representative in force, for the gate: the one named by his statement that an operator confirmed and
 * whose {@link BarKind#REPRESENTATIVE} bar still stands (withdrawn, the bar is lifted and he is nobody's any more). Read
 * apart from {@link ContactStatements}, which tells the debtor through the gate when it answers him.
 */
@Component
class Representatives {

	private final JdbcClient jdbc;
	private final PersonalData personalData;

	Representatives(JdbcClient jdbc, PersonalData personalData) {
		this.jdbc = jdbc;
		this.personalData = personalData;
	}

	/** Where the representative is reached: his phone (E.164) and e-mail, as the statement gives them. */
	record Reached(String phone, String email) {

		/** His address on {@code channel}, {@code null} on a channel the statement gives none for. */
		String on(Channel channel) {
			return switch (channel) {
				case SMS -> phone;
				case EMAIL -> email;
				default -> null;
			};
		}
	}

	/** The representative in force for the debtor, if any (the latest confirmed, should there ever be two). */
	Optional<Reached> of(TenantId tenant, ContactId debtor) {
		return jdbc.sql("""
				select s.representative_phone, s.representative_email
				from contact_statements s
				join contact_bars b on b.tenant_id = s.tenant_id and b.contact_id = s.contact_id
				     and b.kind = 'REPRESENTATIVE' and b.lifted_at is null and b.source = 'statement:' || s.id
				where s.tenant_id = ? and s.contact_id = ? and s.kind = 'REPRESENTATIVE' and s.state = 'CONFIRMED'
				order by s.answered_at desc, s.id
				limit 1""")
			.params(tenant.value(), debtor.value())
			.query((row, n) -> new Reached(phone(row.getBytes("representative_phone")),
					open(ContactStatements.EMAIL, row.getBytes("representative_email"))))
			.optional();
	}

	private String phone(byte[] sealed) {
		String phone = open(ContactStatements.PHONE, sealed);
		return phone == null ? null : PhoneNumber.parse(phone).e164();
	}

	private String open(String field, byte[] sealed) {
		return sealed == null ? null : personalData.open(field, new Sealed(sealed));
	}
}
