package ru.kredo.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import ru.kredo.contacts.Contacts;
import ru.kredo.events.CreditEvent;
import ru.kredo.events.Subject;
import ru.kredo.events.internal.EventStream;
import ru.kredo.events.simulator.BureauSimulator;
import ru.kredo.events.simulator.EventLines;
import ru.kredo.events.simulator.Population;
import ru.kredo.events.simulator.SimulatedPerson;
import ru.kredo.privacy.PersonalData;
import ru.kredo.tenancy.TenantId;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's data, made once and kept under {@code target/bench}: a million watched contacts loaded with COPY
 * (blind indexes and sealed values computed by the application's own code, so matching works), the simulated
 * bureau's events as JSON Lines, and the same events as PostgreSQL COPY text for the floor and the SQL baseline.
 */
final class BenchmarkData {


	static final Population WATCHED = new Population(1001, 1_000_000);
	static final Population STRANGERS = new Population(1002, 50_000_000);
	static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
	private static final HexFormat HEX = HexFormat.of();

	private final DataSource dataSource;
	private final PersonalData personalData;
	private final Contacts contacts;
	private final JsonMapper json;

	BenchmarkData(DataSource dataSource, PersonalData personalData, Contacts contacts, JsonMapper json) {
		this.dataSource = dataSource;
		this.personalData = personalData;
		this.contacts = contacts;
		this.json = json;
	}

	JsonMapper json() {
		return json;
	}

	/** Contacts for the watched people, the first {@code brokerShare} of them the broker's, the rest the agency's. */
	void loadContacts(TenantId broker, TenantId collector, long brokerPeople) throws SQLException, IOException {
		int chunk = 50_000;
		for (long from = 0; from < WATCHED.size(); from += chunk) {
			long to = Math.min(WATCHED.size(), from + chunk);
			String rows = LongStream.range(from, to).parallel()
				.mapToObj(i -> contactRow(i < brokerPeople ? broker : collector, WATCHED.get(i)))
				.collect(Collectors.joining());
			copy("copy contacts (id, tenant_id, last_name, first_name, middle_name, birth_date, passport, passport_index,"
					+ " name_dob_index, created_at) from stdin", new StringReader(rows));
		}
	}

	private String contactRow(TenantId tenant, SimulatedPerson p) {
		return String.join("\t", UUID.randomUUID().toString(), tenant.value().toString(), p.name().lastName(),
				p.name().firstName(), p.name().middleName(),
				bytea(personalData.seal("contacts.birth_date", p.birthDate().toString()).bytes()),
				bytea(personalData.seal("contacts.passport", p.passport().display()).bytes()),
				bytea(contacts.passportIndex(p.passport()).bytes()),
				bytea(contacts.nameAndBirthDateIndex(p.name(), p.birthDate()).bytes()), Instant.now().toString()) + "\n";
	}

	/** {@code count} events of yesterday (Moscow), {@code watchedShare} of the stories about watched people. */
	static void writeEvents(Path file, int count, double watchedShare, JsonMapper json) throws IOException {
		LocalDate yesterday = LocalDate.now(MOSCOW).minusDays(1);
		BureauSimulator bureau = new BureauSimulator(2026, "bench-bureau", WATCHED, STRANGERS, watchedShare);
		EventLines lines = new EventLines(json);
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int done = 0; done < count; done += 100_000) {
				int n = Math.min(100_000, count - done);
				Instant from = yesterday.atStartOfDay(MOSCOW).toInstant().plus(Duration.ofDays(1).multipliedBy(done).dividedBy(count));
				bureau.next(n, from, Duration.ofDays(1).multipliedBy(n).dividedBy(count)).forEach(e -> lines.write(e, out));
			}
		}
	}

	/** The same events as rows of credit_events' columns (without id), in COPY text format: parsed and sealed here. */
	void writeCopyText(Path events, Path copyFile) throws IOException {
		String receivedAt = Instant.now().toString();
		try (InputStream in = Files.newInputStream(events); Writer out = Files.newBufferedWriter(copyFile)) {
			EventStream stream = EventStream.of(in, json);
			while (stream.hasNext()) {
				CreditEvent e = stream.next().event();
				Subject s = e.subject();
				out.write(String.join("\t", e.source(), e.eventId(), e.type().name(), e.type().rutdfCode(),
						e.occurredAt().toString(), receivedAt,
						s.passport() == null ? "\\N" : bytea(contacts.passportIndex(s.passport()).bytes()),
						bytea(contacts.nameAndBirthDateIndex(s.name(), s.birthDate()).bytes()),
						bytea(personalData.seal("credit_events.subject", sealedSubject(s)).bytes()),
						e.lenderKind() == null ? "\\N" : e.lenderKind().name(),
						e.amount() == null ? "\\N" : e.amount().toPlainString(),
						e.daysPastDue() == null ? "\\N" : e.daysPastDue().toString()));
				out.write('\n');
			}
		}
	}

	long copy(String sql, Reader rows) throws SQLException, IOException {
		try (Connection connection = dataSource.getConnection()) {
			return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, rows);
		}
	}

	private static String sealedSubject(Subject s) {
		return String.join("|", s.name().lastName(), s.name().firstName(),
				s.name().middleName() == null ? "" : s.name().middleName(), s.birthDate().toString(),
				s.passport() == null ? "" : s.passport().series() + s.passport().number(),
				s.inn() == null ? "" : s.inn().value(), s.snils() == null ? "" : s.snils().value());
	}

	private static String bytea(byte[] bytes) {
		return "\\\\x" + HEX.formatHex(bytes);
	}
}
