package ru.kredo.events.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import ru.kredo.events.CreditEvent;
import ru.kredo.events.CreditEventType;
import ru.kredo.events.LenderKind;
import ru.kredo.events.internal.EventStream;
import tools.jackson.databind.json.JsonMapper;

class BureauSimulatorTests {

	static final Instant START = Instant.parse("2026-03-02T06:00:00Z");
	static final Population WATCHED = new Population(1, 1_000);
	static final Population STRANGERS = new Population(2, 100_000);

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theSameSeedGivesTheSameStream() {
		assertThat(stream(42, 2_000)).isEqualTo(stream(42, 2_000));
		assertThat(stream(42, 100)).isNotEqualTo(stream(43, 100));
	}

	@Test
	void everyEventPassesTheIngestionsValidationAndReadsBackTheSame() {
		List<CreditEvent> events = stream(7, 5_000);
		StringWriter lines = new StringWriter();
		EventLines writer = new EventLines(json);
		events.forEach(event -> writer.write(event, lines));

		List<CreditEvent> read = new ArrayList<>();
		EventStream.of(new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)), json)
			.forEachRemaining(parsed -> {
				assertThat(parsed.rejected()).as("line %d", parsed.position()).isNull();
				read.add(parsed.event());
			});
		assertThat(read).isEqualTo(events);
	}

	@Test
	void theStreamLooksLikeABureausDay() {
		List<CreditEvent> events = stream(11, 20_000);

		Map<CreditEventType, Long> byType = events.stream()
			.collect(Collectors.groupingBy(CreditEvent::type, Collectors.counting()));
		assertThat(byType.keySet()).containsAll(List.of(CreditEventType.values()));
		assertThat(byType.get(CreditEventType.APPLICATION)).isGreaterThan(byType.get(CreditEventType.LOAN_DISBURSED));
		assertThat(events).extracting(CreditEvent::lenderKind).contains(LenderKind.BANK, LenderKind.MFO);
		assertThat(events).filteredOn(e -> e.type() == CreditEventType.OVERDUE_WORSENED)
			.allSatisfy(e -> assertThat(e.daysPastDue()).isGreaterThanOrEqualTo(30));
		assertThat(events).extracting(CreditEvent::eventId).doesNotHaveDuplicates();
		assertThat(events).isSortedAccordingTo((a, b) -> a.occurredAt().compareTo(b.occurredAt()));
	}

	@Test
	void aboutTheWatchedInTheGivenShareWithSomePeopleInABurst() {
		List<CreditEvent> events = stream(5, 20_000);

		Set<String> watched = watchedPassports();
		long aboutWatched = events.stream().filter(e -> e.subject().passport() != null
				&& watched.contains(e.subject().passport().series() + e.subject().passport().number())).count();
		assertThat(aboutWatched / 20_000.0).isBetween(0.05, 0.15);
		Map<Object, Long> perPerson = events.stream()
			.collect(Collectors.groupingBy(e -> e.subject().passport(), Collectors.counting()));
		assertThat(perPerson.values()).anySatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(4));
		assertThat(perPerson.values().stream().filter(count -> count == 1).count())
			.isGreaterThan(perPerson.size() / 2);
	}

	private static Set<String> watchedPassports() {
		return LongStream.range(0, WATCHED.size()).mapToObj(WATCHED::get)
			.map(p -> p.passport().series() + p.passport().number())
			.collect(Collectors.toSet());
	}

	private static List<CreditEvent> stream(long seed, int count) {
		return new BureauSimulator(seed, "test-bureau", WATCHED, STRANGERS, 0.08)
			.next(count, START, Duration.ofDays(1));
	}

}
