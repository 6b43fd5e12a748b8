package ru.kredo.monitoring;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Writes a made-up contact base the way CRMs export one, for benchmarks and manual tries: valid names, birth dates,
 * unique passports, phones in mixed notations, and about 3% bad rows (31.02, a passport with letters, a 9-digit
 * phone, a two-digit year, a missing first name). No real people: names are drawn from common ones at random.
 * <p>
 * {@code cp1251} writes Russian headers, «;» and three name columns; {@code utf8} writes a BOM, English headers, «,»
 * and one name column.
 */
public final class ContactFileGenerator {

	private static final String[] LAST = { "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов",
			"Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов",
			"Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв",
			"Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Александров" };
	private static final String[] MALE = { "Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Максим", "Евгений",
			"Иван", "Михаил", "Артём", "Никита", "Владимир", "Олег", "Павел", "Роман", "Денис", "Игорь", "Виктор" };
	private static final String[] FEMALE = { "Анна", "Елена", "Ольга", "Наталья", "Екатерина", "Татьяна", "Мария",
			"Ирина", "Светлана", "Юлия", "Анастасия", "Дарья", "Марина", "Людмила", "Ксения", "Алёна", "Вера", "Полина" };
	private static final String[] FATHER = { "Александров", "Сергеев", "Дмитриев", "Андреев", "Алексеев", "Иванов",
			"Михайлов", "Владимиров", "Викторов", "Николаев", "Петров", "Юрьев", "Олегов", "Павлов", "Игорев" };
	private static final String[] SEGMENTS = { "", "", "", "дожим", "в работе", "пауза", "действующий", "подготовка" };
	private static final DateTimeFormatter RUSSIAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private ContactFileGenerator() {
	}

	/** {@code rows} people into {@code file}; {@code encoding} is {@code cp1251} or {@code utf8}. */
	public static void write(Path file, int rows, String encoding) throws IOException {
		boolean utf8 = encoding.equalsIgnoreCase("utf8");
		Charset charset = utf8 ? StandardCharsets.UTF_8 : Charset.forName("windows-1251");
		SplittableRandom random = new SplittableRandom(rows);
		try (OutputStream out = Files.newOutputStream(file);
				BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, charset), 1 << 16)) {
			if (utf8) {
				writer.write('\uFEFF');
				writer.write("Full name,Birth date,Passport,Phone,Email,Segment\r\n");
			}
			else {
				writer.write("Фамилия;Имя;Отчество;Дата рождения;Паспорт;Телефон;E-mail;Сегмент;Комментарий\r\n");
			}
			for (int i = 0; i < rows; i++) {
				writer.write(row(i, random, utf8));
				writer.write("\r\n");
			}
		}
	}

	private static String row(int i, SplittableRandom random, boolean utf8) {
		boolean female = random.nextBoolean();
		String last = LAST[random.nextInt(LAST.length)] + (female ? "а" : "");
		String first = (female ? FEMALE : MALE)[random.nextInt(female ? FEMALE.length : MALE.length)];
		String middle = FATHER[random.nextInt(FATHER.length)] + (female ? "на" : "ич");
		String birth = RUSSIAN.format(LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20_000)));
		String passport = "%04d %06d".formatted(4500 + i / 1_000_000, i % 1_000_000);
		String phone = phone(900_000_0000L + random.nextLong(99_999_999L), random.nextInt(4));
		String email = random.nextInt(3) == 0 ? "client" + i + "@example.ru" : "";
		switch (random.nextInt(100) < 3 ? random.nextInt(5) : -1) {
			case 0 -> birth = "31.02.1990";
			case 1 -> passport = "45АБ " + passport.substring(5);
			case 2 -> phone = "916123456";
			case 3 -> birth = birth.substring(0, 6) + birth.substring(8);
			case 4 -> first = "";
			default -> { }
		}
		String segment = SEGMENTS[random.nextInt(SEGMENTS.length)];
		if (utf8) {
			return String.join(",", "\"" + (last + " " + first + " " + middle).replace("  ", " ") + "\"",
					iso(birth), passport, "\"" + phone + "\"", email, segment);
		}
		return String.join(";", last, first, middle, birth, passport, phone, email, segment,
				random.nextInt(10) == 0 ? "\"Перезвонить; после 18:00\"" : "");
	}

	private static String iso(String russian) {
		return russian.length() == 10 && !russian.equals("31.02.1990")
				? russian.substring(6) + "-" + russian.substring(3, 5) + "-" + russian.substring(0, 2) : russian;
	}

	private static String phone(long digits, int notation) {
		String d = Long.toString(digits);
		return switch (notation) {
			case 0 -> "+7 " + d.substring(0, 3) + " " + d.substring(3, 6) + "-" + d.substring(6, 8) + "-" + d.substring(8);
			case 1 -> "8 (" + d.substring(0, 3) + ") " + d.substring(3, 6) + "-" + d.substring(6, 8) + "-" + d.substring(8);
			case 2 -> "8" + d;
			default -> "+7" + d;
		};
	}

	/** {@code ContactFileGenerator <file> <rows> <cp1251|utf8>}: for trying the upload page by hand. */
	public static void main(String[] args) throws IOException {
		write(Path.of(args[0]), Integer.parseInt(args[1]), args.length > 2 ? args[2] : "cp1251");
	}
}
