package ru.kredo.events.simulator;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import ru.kredo.contacts.FullName;
import ru.kredo.contacts.Inn;
import ru.kredo.contacts.PassportNumber;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.contacts.Snils;

/**
 * Made-up but well-formed Russian people: ФИО with patronymics and feminine forms, birth dates, passports, phones,
 * and for some ИНН and СНИЛС with valid check digits. The same seed and index always make the same person, so a
 * population of millions never has to sit in memory.
 */
public final class SimulatedPeople {

	private static final List<String> MALE_LAST = List.of("Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев",
			"Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев",
			"Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров",
			"Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв");
	private static final List<String> MALE_FIRST = List.of("Александр", "Сергей", "Дмитрий", "Андрей", "Алексей",
			"Максим", "Евгений", "Иван", "Михаил", "Артём", "Николай", "Владимир", "Павел", "Роман", "Олег", "Игорь");
	private static final List<String> FEMALE_FIRST = List.of("Елена", "Ольга", "Наталья", "Татьяна", "Ирина",
			"Светлана", "Анна", "Мария", "Юлия", "Екатерина", "Марина", "Анастасия", "Дарья", "Людмила", "Галина");
	private static final List<String> FATHERS = List.of("Александр", "Сергей", "Владимир", "Николай", "Иван",
			"Михаил", "Андрей", "Виктор", "Юрий", "Петр", "Алексей", "Анатолий", "Геннадий", "Василий", "Борис");
	private static final List<String> OPERATOR_CODES = List.of("903", "905", "906", "909", "910", "915", "916",
			"917", "919", "925", "926", "929", "950", "951", "960", "961", "977", "985", "987", "999");
	private static final List<String> PASSPORT_REGIONS = List.of("45", "46", "40", "41", "60", "52", "66", "16",
			"02", "03", "24", "25", "50", "54", "61", "63", "74");

	private final SplittableRandom random;

	private SimulatedPeople(SplittableRandom random) {
		this.random = random;
	}

	/** The {@code index}-th person of {@code seed}. */
	public static SimulatedPerson person(long seed, long index) {
		return new SimulatedPeople(new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index)).next();
	}

	private SimulatedPerson next() {
		boolean male = random.nextBoolean();
		String last = pick(MALE_LAST);
		String father = pick(FATHERS);
		FullName name = male
				? new FullName(last, pick(MALE_FIRST), patronymic(father, true))
				: new FullName(feminine(last), pick(FEMALE_FIRST), patronymic(father, false));
		LocalDate birthDate = LocalDate.of(1962, 1, 1).plusDays(random.nextInt(365 * 40));
		int issueYear = Math.min(birthDate.getYear() + 20 + random.nextInt(4), 2025);
		PassportNumber passport = new PassportNumber(pick(PASSPORT_REGIONS) + String.format("%02d", issueYear % 100),
				String.format("%06d", 100_000 + random.nextInt(900_000)));
		PhoneNumber phone = PhoneNumber.parse("+7" + pick(OPERATOR_CODES) + String.format("%07d", random.nextInt(10_000_000)));
		Inn inn = random.nextInt(3) == 0 ? null : inn();
		Snils snils = random.nextInt(2) == 0 ? null : snils();
		return new SimulatedPerson(name, birthDate, passport, inn, snils, phone);
	}

	private Inn inn() {
		StringBuilder digits = new StringBuilder(pick(PASSPORT_REGIONS) + "0" + (1 + random.nextInt(9)));
		while (digits.length() < 10) {
			digits.append(random.nextInt(10));
		}
		digits.append(checkDigit(digits, new int[] { 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 }));
		digits.append(checkDigit(digits, new int[] { 3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 }));
		return new Inn(digits.toString());
	}

	private static int checkDigit(CharSequence digits, int[] weights) {
		int sum = 0;
		for (int i = 0; i < weights.length; i++) {
			sum += weights[i] * (digits.charAt(i) - '0');
		}
		return sum % 11 % 10;
	}

	private Snils snils() {
		String nine = String.format("%09d", 2_000_000 + random.nextInt(900_000_000));
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			sum += (nine.charAt(i) - '0') * (9 - i);
		}
		sum = sum > 101 ? sum % 101 : sum;
		int check = sum == 100 || sum == 101 ? 0 : sum;
		return new Snils(nine + String.format("%02d", check));
	}

	private static String feminine(String last) {
		return last + "а";
	}

	private static String patronymic(String father, boolean male) {
		String stem = switch (father) {
			case "Николай" -> "Николаев";
			case "Михаил" -> "Михайлов";
			case "Юрий" -> "Юрьев";
			case "Василий" -> "Васильев";
			case "Анатолий" -> "Анатольев";
			case "Геннадий" -> "Геннадьев";
			case "Алексей" -> "Алексеев";
			case "Андрей" -> "Андреев";
			case "Сергей" -> "Сергеев";
			default -> father + "ов";
		};
		return stem + (male ? "ич" : "на");
	}

	private String pick(List<String> values) {
		return values.get(random.nextInt(values.size()));
	}

}
