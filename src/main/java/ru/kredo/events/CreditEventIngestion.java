package ru.kredo.events;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import ru.kredo.contacts.Contacts;
import ru.kredo.events.IngestionReport.RejectedEvent;
import ru.kredo.events.internal.EventStream;
import ru.kredo.privacy.BlindIndex;
import ru.kredo.privacy.PersonalData;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes credit events in, from any channel. Events are stored in chunks, each chunk in one transaction together with
 * everything {@link CreditEventsRecorded} causes (matching, signals): a chunk is either wholly stored and matched or
 * not at all, so a process killed mid-batch loses nothing it reported accepted, and re-sending the batch creates
 * nothing twice, because (source, event id) is unique.
 */
@Service
public class CreditEventIngestion {

	static final int CHUNK = 2_000;

	private static final Logger log = LoggerFactory.getLogger(CreditEventIngestion.class);

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final ApplicationEventPublisher events;
	private final PersonalData personalData;
	private final Contacts contacts;
	private final JsonMapper json;
	private final Clock clock;

	CreditEventIngestion(JdbcClient jdbc, TransactionTemplate transaction, ApplicationEventPublisher events,
			PersonalData personalData, Contacts contacts, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.events = events;
		this.personalData = personalData;
		this.contacts = contacts;
		this.json = json;
		this.clock = clock;
	}

	/** Reads a JSON array or JSON Lines body and ingests every valid event in it. */
	public IngestionReport ingest(InputStream body) {
		Iterator<EventStream.Parsed> stream = EventStream.of(body, json);
		List<RejectedEvent> rejected = new ArrayList<>();
		List<CreditEvent> chunk = new ArrayList<>(CHUNK);
		int received = 0;
		int accepted = 0;
		while (stream.hasNext()) {
			EventStream.Parsed parsed = stream.next();
			received++;
			if (parsed.rejected() != null) {
				rejected.add(parsed.rejected());
				continue;
			}
			chunk.add(parsed.event());
			if (chunk.size() == CHUNK) {
				accepted += store(chunk);
				chunk.clear();
			}
		}
		accepted += store(chunk);
		return new IngestionReport(received, accepted, received - rejected.size() - accepted, rejected);
	}

	/** Ingests events already read (by the bureau simulator, say). */
	public IngestionReport ingest(List<CreditEvent> batch) {
		int accepted = 0;
		for (int from = 0; from < batch.size(); from += CHUNK) {
			accepted += store(batch.subList(from, Math.min(batch.size(), from + CHUNK)));
		}
		return new IngestionReport(batch.size(), accepted, batch.size() - accepted, List.of());
	}

	private int store(List<CreditEvent> chunk) {
		if (chunk.isEmpty()) {
			return 0;
		}
		Integer stored = transaction.execute(status -> {
			// A chunk's queries are index lookups of a few thousand keys: parallel workers cost more to start than
			// they save (measured: 70-130 ms with two workers, 26 ms without, on 1,000,000 watches).
			jdbc.sql("select set_config('max_parallel_workers_per_gather', '0', true)").query().singleValue();
			long start = System.nanoTime();
			List<RecordedEvent> recorded = insert(chunk);
			long inserted = System.nanoTime();
			if (!recorded.isEmpty()) {
				events.publishEvent(new CreditEventsRecorded(recorded));
			}
			if (log.isDebugEnabled()) {
				log.debug("chunk of {}: insert {} ms, matching and signals {} ms", chunk.size(),
						(inserted - start) / 1_000_000, (System.nanoTime() - inserted) / 1_000_000);
			}
			return recorded.size();
		});
		return stored == null ? 0 : stored;
	}

	private List<RecordedEvent> insert(List<CreditEvent> chunk) {
		int n = chunk.size();
		String[] sources = new String[n];
		String[] ids = new String[n];
		String[] types = new String[n];
		String[] codes = new String[n];
		String[] occurred = new String[n];
		byte[][] passports = new byte[n][];
		byte[][] names = new byte[n][];
		byte[][] subjects = new byte[n][];
		String[] lenders = new String[n];
		String[] amounts = new String[n];
		String[] overdue = new String[n];
		Map<String, Integer> positions = new HashMap<>();
		BlindIndex[] passportIndexes = new BlindIndex[n];
		BlindIndex[] nameIndexes = new BlindIndex[n];
		for (int i = 0; i < n; i++) {
			CreditEvent e = chunk.get(i);
			Subject s = e.subject();
			sources[i] = e.source();
			ids[i] = e.eventId();
			types[i] = e.type().name();
			codes[i] = e.type().rutdfCode();
			occurred[i] = e.occurredAt().toString();
			passportIndexes[i] = s.passport() == null ? null : contacts.passportIndex(s.passport());
			nameIndexes[i] = contacts.nameAndBirthDateIndex(s.name(), s.birthDate());
			passports[i] = passportIndexes[i] == null ? null : passportIndexes[i].bytes();
			names[i] = nameIndexes[i].bytes();
			subjects[i] = personalData.seal("credit_events.subject", sealedSubject(s)).bytes();
			lenders[i] = e.lenderKind() == null ? null : e.lenderKind().name();
			amounts[i] = e.amount() == null ? null : e.amount().toPlainString();
			overdue[i] = e.daysPastDue() == null ? null : e.daysPastDue().toString();
			positions.putIfAbsent(e.source() + '\u0000' + e.eventId(), i);
		}
		Instant now = clock.instant();
		return jdbc.sql("""
				insert into credit_events (source, source_event_id, type, rutdf_code, occurred_at, received_at,
				    passport_index, name_dob_index, subject, lender_kind, amount, days_past_due)
				select s, i, t, c, o::timestamptz, ?, p, nd, sb, l, a::numeric, d::int
				from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bytea[], ?::bytea[], ?::bytea[],
				            ?::text[], ?::text[], ?::text[]) as e(s, i, t, c, o, p, nd, sb, l, a, d)
				on conflict (source, source_event_id) do nothing
				returning id, source, source_event_id""")
			.params(java.sql.Timestamp.from(now), sources, ids, types, codes, occurred, passports, names, subjects,
					lenders, amounts, overdue)
			.query((row, rowNumber) -> {
				int i = positions.get(row.getString("source") + '\u0000' + row.getString("source_event_id"));
				CreditEvent e = chunk.get(i);
				return new RecordedEvent(row.getLong("id"), e.type(), e.occurredAt(), passportIndexes[i], nameIndexes[i],
						e.lenderKind(), e.amount(), e.daysPastDue());
			})
			.list();
	}

	private static String sealedSubject(Subject s) {
		return String.join("|", s.name().lastName(), s.name().firstName(),
				s.name().middleName() == null ? "" : s.name().middleName(), s.birthDate().toString(),
				s.passport() == null ? "" : s.passport().series() + s.passport().number(),
				s.inn() == null ? "" : s.inn().value(), s.snils() == null ? "" : s.snils().value());
	}
}
