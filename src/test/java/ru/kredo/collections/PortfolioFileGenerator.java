package ru.kredo.collections;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a made-up debt registry the way assignors send them, for the benchmark and manual tries: a debtor per one to
 * three rows (one debt each), the debt's composition in the written forms registries use («12 345,67», «12345.67»,
 * «12 345 руб.»), something already paid on a third of them, regions written every which way, and about 2% bad rows
 * (31.02, an amount that could be thousands, more paid than owed, an unknown region, a contract that came already).
 * No real people: names are drawn from common ones at random; passports are unique per debtor.
 * <p>
 * {@code cp1251} writes a CSV with Russian headers, «;» and three name columns; {@code xlsx} an Excel workbook with
 * typed cells (dates and numbers) and one name column.
 */
public final class PortfolioFileGenerator {

	private static final String[] LAST = { "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов",
			"Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов",
			"Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев" };
	private static final String[] FIRST = { "Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Максим", "Евгений",
			"Иван", "Михаил", "Артём", "Никита", "Владимир", "Олег", "Павел", "Роман", "Денис", "Игорь", "Виктор" };
	private static final String[] MIDDLE = { "Александрович", "Сергеевич", "Дмитриевич", "Андреевич", "Иванович",
			"Михайлович", "Владимирович", "Викторович", "Николаевич", "Петрович", "Юрьевич", "Олегович", "Павлович" };
	private static final String[] CREDITORS = { "ПАО «Сбербанк»", "Банк ВТБ (ПАО)", "АО «Альфа-Банк»",
			"ООО МФК «Займер»", "ООО МКК «Деньги сразу»", "ПАО «Совкомбанк»" };
	private static final String[] REGIONS = { "г. Москва", "Московская обл.", "Респ. Татарстан", "Свердловская область",
			"Краснодарский край", "Новосибирская обл", "77", "50", "Республика Саха (Якутия)", "ХМАО - Югра",
			"Приморский край", "Санкт-Петербург", "" };
	private static final String HEADER = "Фамилия;Имя;Отчество;Дата рождения;Паспорт;Телефон;Цедент;Номер договора;"
			+ "Дата договора;Дата уступки;Сумма основного долга;Проценты;Пени/штрафы;Комиссии;Госпошлина;Оплачено;"
			+ "Дней просрочки;Регион";
	private static final DateTimeFormatter RUSSIAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private PortfolioFileGenerator() {
	}

	/** A registry of {@code rows} debts in {@code format}: {@code cp1251} (CSV) or {@code xlsx}. */
	public static void write(Path file, int rows, String format) throws IOException {
		List<List<Object>> all = rows(rows);
		if (format.equalsIgnoreCase("xlsx")) {
			writeXlsx(file, all);
		}
		else {
			writeCsv(file, all);
		}
	}

	/** The registry's rows as cell values: dates as {@link LocalDate}, amounts as written text or, for XLSX, numbers. */
	private static List<List<Object>> rows(int rows) {
		SplittableRandom random = new SplittableRandom(rows);
		List<List<Object>> all = new ArrayList<>(rows);
		int debtor = 0;
		while (all.size() < rows) {
			debtor++;
			String last = LAST[random.nextInt(LAST.length)];
			String first = FIRST[random.nextInt(FIRST.length)];
			String middle = MIDDLE[random.nextInt(MIDDLE.length)];
			LocalDate born = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(54 * 365));
			String passport = String.format(Locale.ROOT, "%04d %06d", 1000 + debtor / 1_000_000, debtor % 1_000_000);
			String phone = String.format(Locale.ROOT, "+7 9%02d %03d-%02d-%02d", random.nextInt(100), random.nextInt(1000),
					random.nextInt(100), random.nextInt(100));
			String region = REGIONS[random.nextInt(REGIONS.length)];
			int debts = 1 + (random.nextInt(10) < 7 ? 0 : random.nextInt(1, 3));
			for (int d = 0; d < debts && all.size() < rows; d++) {
				String creditor = CREDITORS[random.nextInt(CREDITORS.length)];
				LocalDate signed = LocalDate.of(2016, 1, 1).plusDays(random.nextInt(2500));
				long principal = 5_000_00L + random.nextLong(495_000_00L);
				long interest = principal * random.nextInt(60) / 100;
				long penalties = principal * random.nextInt(20) / 100;
				long fees = random.nextInt(4) == 0 ? random.nextInt(300_000) : 0;
				long duty = random.nextInt(3) == 0 ? 2_000_00L + random.nextInt(300_000) : 0;
				long paid = random.nextInt(3) == 0 ? (principal + interest) * random.nextInt(50) / 100 : 0;
				List<Object> row = new ArrayList<>(List.of(last, first, middle, born, passport, phone, creditor,
						"КД-" + debtor + "/" + (d + 1), signed, signed.plusMonths(12 + random.nextInt(36)),
						Amount.of(principal, random), Amount.of(interest, random), Amount.of(penalties, random),
						Amount.of(fees, random), Amount.of(duty, random), Amount.of(paid, random), 90 + random.nextInt(2000),
						region));
				spoil(row, random, all.isEmpty() ? row : all.getFirst());
				all.add(row);
			}
		}
		return all;
	}

	/** About one row in fifty goes wrong the ways registries do. */
	private static void spoil(List<Object> row, SplittableRandom random, List<Object> first) {
		if (random.nextInt(50) != 0) {
			return;
		}
		switch (random.nextInt(5)) {
			case 0 -> row.set(3, "31.02.1980");
			case 1 -> row.set(10, "12,345");
			case 2 -> row.set(15, new Amount(999_999_999_00L, 0));
			case 3 -> row.set(17, "Нарния");
			default -> {
				row.set(6, first.get(6));
				row.set(7, first.get(7));
			}
		}
	}

	private static void writeCsv(Path file, List<List<Object>> rows) throws IOException {
		try (OutputStream out = Files.newOutputStream(file);
				BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, Charset.forName("windows-1251")),
						1 << 16)) {
			writer.write(HEADER);
			writer.write("\r\n");
			StringBuilder line = new StringBuilder(256);
			for (List<Object> row : rows) {
				line.setLength(0);
				for (int c = 0; c < row.size(); c++) {
					Object value = row.get(c);
					String text = switch (value) {
						case LocalDate date -> RUSSIAN.format(date);
						case Amount amount -> amount.written();
						default -> String.valueOf(value);
					};
					line.append(c == 0 ? "" : ";").append(text.contains(";") || text.contains("\"")
							? "\"" + text.replace("\"", "\"\"") + "\"" : text);
				}
				writer.write(line.append("\r\n").toString());
			}
		}
	}

	private static void writeXlsx(Path file, List<List<Object>> rows) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			Workbook workbook = new Workbook(out, "Kredo benchmark", "1.0");
			Worksheet sheet = workbook.newWorksheet("Реестр");
			String[] header = HEADER.split(";");
			sheet.value(0, 0, "ФИО");
			for (int c = 3; c < header.length; c++) {
				sheet.value(0, c - 2, header[c]);
			}
			for (int r = 0; r < rows.size(); r++) {
				List<Object> row = rows.get(r);
				sheet.value(r + 1, 0, row.get(0) + " " + row.get(1) + " " + row.get(2));
				for (int c = 3; c < row.size(); c++) {
					int column = c - 2;
					switch (row.get(c)) {
						case LocalDate date -> {
							sheet.value(r + 1, column, date);
							sheet.style(r + 1, column).format("dd.mm.yyyy").set();
						}
						case Amount amount -> {
							if (amount.kopecks() != 0) {
								sheet.value(r + 1, column, BigDecimal.valueOf(amount.kopecks(), 2));
							}
						}
						case Integer number -> sheet.value(r + 1, column, number);
						default -> sheet.value(r + 1, column, String.valueOf(row.get(c)));
					}
				}
				if (r % 10_000 == 0) {
					sheet.flush();
				}
			}
			workbook.finish();
		}
	}

	/** An amount and how it is written: «12 345,67», «12345.67», «12 345,67 руб.» or blank when zero. */
	record Amount(long kopecks, int style) {

		static Amount of(long kopecks, SplittableRandom random) {
			return new Amount(kopecks, random.nextInt(3));
		}

		String written() {
			if (kopecks == 0) {
				return "";
			}
			String roubles = String.format(Locale.ROOT, "%,d", kopecks / 100).replace(',', ' ');
			String cents = String.format(Locale.ROOT, "%02d", kopecks % 100);
			return switch (style) {
				case 0 -> roubles + "," + cents;
				case 1 -> kopecks / 100 + "." + cents;
				default -> roubles + "," + cents + " руб.";
			};
		}
	}

	/** Writes a registry for a try by hand: {@code java … PortfolioFileGenerator /tmp/registry.csv 100000 cp1251}. */
	public static void main(String[] args) throws IOException {
		write(Path.of(args[0]), Integer.parseInt(args[1]), args.length > 2 ? args[2] : "cp1251");
	}
}
