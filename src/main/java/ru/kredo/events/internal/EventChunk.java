package ru.kredo.events.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ru.kredo.contacts.PersonKeys;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.events.CreditEvent;
import ru.kredo.events.PeopleOfInterest;
import ru.kredo.events.RecordedEvent;
import ru.kredo.events.Subject;
import ru.kredo.privacy.BlindIndex;
import ru.kredo.privacy.PersonalData;

/**
 * A chunk of events made ready to store: one array per column and the blind indexes of each subject. This is the
 * CPU-bound part of ingestion, done before (and beside) the chunk's transaction. Which subjects are stored (sealed, with
 * their blind indexes) is decided in that transaction, by {@link #keepSubjects}.
 */
public final class EventChunk {

	final List<CreditEvent> events;
	final String[] sources;
	final String[] ids;
	final String[] types;
	final String[] codes;
	// The stored identity: blind indexes and the sealed subject, only of events about people of interest.
	final byte[][] passports;
	final byte[][] names;
	final byte[][] subjects;
	final boolean[] ofInterest;
	int kept;
	final String[] lenders;
	final BlindIndex[] passportIndexes;
	final BlindIndex[] nameIndexes;
	// Positions of the first occurrence of each (source, event id) in the chunk, in the order of that key (the unique
	// index's order, which COPY writes them in); a repeat within the chunk is a duplicate.
	final int[] firsts;
	int distinct;
	private Map<Key, Integer> positions;

	private EventChunk(List<CreditEvent> events) {
		int n = events.size();
		this.events = events;
		this.sources = new String[n];
		this.ids = new String[n];
		this.types = new String[n];
		this.codes = new String[n];
		this.passports = new byte[n][];
		this.names = new byte[n][];
		this.subjects = new byte[n][];
		this.ofInterest = new boolean[n];
		this.lenders = new String[n];
		this.passportIndexes = new BlindIndex[n];
		this.nameIndexes = new BlindIndex[n];
		this.firsts = new int[n];
	}

	public static EventChunk prepare(List<CreditEvent> events, PersonKeys keys) {
		EventChunk chunk = new EventChunk(List.copyOf(events));
		for (int i = 0; i < events.size(); i++) {
			CreditEvent e = events.get(i);
			Subject s = e.subject();
			chunk.sources[i] = e.source();
			chunk.ids[i] = e.eventId();
			chunk.types[i] = e.type().name();
			chunk.codes[i] = e.type().rutdfCode();
			chunk.passportIndexes[i] = s.passport() == null ? null : keys.passport(s.passport());
			chunk.nameIndexes[i] = keys.nameAndBirthDate(s.name(), s.birthDate());
			chunk.lenders[i] = e.lenderKind() == null ? null : e.lenderKind().name();
		}
		chunk.findFirsts();
		return chunk;
	}

	/**
	 * Sorts the events by (source, event id), stably, so that of equal keys the first comes first, and keeps one of
	 * each: the key order COPY writes in, and the repeats found on the way, without hashing every key.
	 */
	private void findFirsts() {
		Integer[] order = new Integer[events.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> {
			int bySource = sources[a].compareTo(sources[b]);
			return bySource != 0 ? bySource : ids[a].compareTo(ids[b]);
		});
		for (int k = 0; k < order.length; k++) {
			int i = order[k];
			if (k == 0 || !ids[i].equals(ids[order[k - 1]]) || !sources[i].equals(sources[order[k - 1]])) {
				firsts[distinct++] = i;
			}
		}
	}

	/**
	 * Seals the subject of every event that may concern a person of interest, and keeps its blind indexes; the other
	 * events are stored without them. Sealing only these few is also what makes the rest cheap.
	 */
	void keepSubjects(PeopleOfInterest people, PersonalData personalData) {
		people.refresh();
		kept = 0;
		for (int i = 0; i < events.size(); i++) {
			boolean keep = people.mayInclude(passportIndexes[i], nameIndexes[i]);
			ofInterest[i] = keep;
			passports[i] = keep && passportIndexes[i] != null ? passportIndexes[i].bytes() : null;
			names[i] = keep ? nameIndexes[i].bytes() : null;
			subjects[i] = keep ? personalData.seal(SEALED_AS, sealed(events.get(i).subject())).bytes() : null;
			kept += keep ? 1 : 0;
		}
	}

	// As text, for the insert way (COPY takes them binary).
	String[] occurredTexts() {
		return events.stream().map(e -> e.occurredAt().toString()).toArray(String[]::new);
	}

	String[] amountTexts() {
		return events.stream().map(e -> e.amount() == null ? null : e.amount().toPlainString()).toArray(String[]::new);
	}

	String[] daysPastDueTexts() {
		return events.stream().map(e -> e.daysPastDue() == null ? null : e.daysPastDue().toString()).toArray(String[]::new);
	}

	public int size() {
		return events.size();
	}

	// For rows the insert way returns, in no particular order.
	RecordedEvent recorded(long id, String source, String eventId) {
		if (positions == null) {
			positions = HashMap.newHashMap(distinct);
			for (int k = 0; k < distinct; k++) {
				positions.put(key(sources[firsts[k]], ids[firsts[k]]), firsts[k]);
			}
		}
		return recorded(id, positions.get(key(source, eventId)));
	}

	RecordedEvent recorded(long id, int i) {
		CreditEvent e = events.get(i);
		return new RecordedEvent(id, e.type(), e.occurredAt(), passportIndexes[i], nameIndexes[i], e.lenderKind(),
				e.amount(), e.daysPastDue(), ofInterest[i]);
	}

	private static Key key(String source, String eventId) {
		return new Key(source, eventId);
	}

	private record Key(String source, String eventId) {
	}

	/**
	 * The sealed subject's text: its parts joined by {@code |} (no part can hold one: names, dates, digits). The phone
	 * (E.164) came last, with issue 14; a row stored before has seven parts, one since eight (the last empty without a
	 * phone), and {@link #phone(String)} reads both.
	 */
	static String sealed(Subject s) {
		return String.join("|", s.name().lastName(), s.name().firstName(),
				s.name().middleName() == null ? "" : s.name().middleName(), s.birthDate().toString(),
				s.passport() == null ? "" : s.passport().series() + s.passport().number(),
				s.inn() == null ? "" : s.inn().value(), s.snils() == null ? "" : s.snils().value(),
				s.phone() == null ? "" : s.phone().e164());
	}

	/**
	 * The phone in an opened sealed subject ({@link #sealed(Subject)}), if it has one; a row from before has none. Read
	 * from the end: the eighth part and after is the phone only when it is one (E.164, a «+» first), which an old row's
	 * last part (the СНИЛС's digits, or nothing) never is.
	 */
	public static Optional<PhoneNumber> phone(String sealedSubject) {
		int last = sealedSubject.lastIndexOf('|');
		String phone = sealedSubject.substring(last + 1);
		return PARTS_BEFORE_PHONE <= parts(sealedSubject) - 1 && phone.startsWith("+") ? Optional.of(new PhoneNumber(phone))
				: Optional.empty();
	}

	private static int parts(String sealedSubject) {
		int parts = 1;
		for (int i = 0; i < sealedSubject.length(); i++) {
			parts += sealedSubject.charAt(i) == '|' ? 1 : 0;
		}
		return parts;
	}

	/** The parts a subject was sealed with before the phone came (issue 14). */
	private static final int PARTS_BEFORE_PHONE = 7;

	/** The label a subject is sealed under. */
	public static final String SEALED_AS = "credit_events.subject";
}
