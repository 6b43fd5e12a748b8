package ru.kredo.events.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class SimulatedPeopleTests {

	@Test
	void theSameSeedMakesTheSamePeople() {
		assertThat(people(2024, 50)).isEqualTo(people(2024, 50));
		assertThat(people(2024, 50)).isNotEqualTo(people(2025, 50));
	}

	@Test
	void everySimulatedPersonPassesTheRealValidation() {
		// The identifiers' constructors validate (checksums, phone plan), so generating thousands proves them valid.
		assertThat(people(7, 5_000)).hasSize(5_000)
			.allSatisfy(p -> assertThat(p.name().middleName()).matches(".*(ич|на)"))
			.anySatisfy(p -> assertThat(p.inn()).isNotNull())
			.anySatisfy(p -> assertThat(p.snils()).isNotNull());
	}

	@Test
	void womenHaveFeminineSurnamesAndPatronymics() {
		assertThat(people(3, 1_000)).filteredOn(p -> p.name().middleName().endsWith("на")).isNotEmpty()
			.allSatisfy(p -> assertThat(p.name().lastName()).endsWith("а"));
	}

	private static List<SimulatedPerson> people(long seed, int count) {
		Population population = new Population(seed, count);
		return LongStream.range(0, count).mapToObj(population::get).toList();
	}
}
