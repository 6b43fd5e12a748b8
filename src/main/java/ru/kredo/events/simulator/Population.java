package ru.kredo.events.simulator;

/**
 * The first {@code size} people of a seed: a set of people that a tenant watches, or the strangers a bureau also
 * reports on. Nothing is kept in memory; a person is made again from the seed and his index when needed.
 */
public record Population(long seed, long size) {

	public Population {
		if (size < 0) {
			throw new IllegalArgumentException("size must not be negative");
		}
	}

	public SimulatedPerson get(long index) {
		if (index < 0 || index >= size) {
			throw new IndexOutOfBoundsException(index);
		}
		return SimulatedPeople.person(seed, index);
	}
}
