package ru.kredo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

import com.ibm.icu.text.MessageFormat;

/** Counts in texts follow each language's plural rules: «1 пользователь», «22 пользователя», «25 пользователей». */
class PluralMessagesTests {

	private static final Locale RU = Locale.forLanguageTag("ru");
	private static final Locale EN = Locale.ENGLISH;
	private static final Path RUSSIAN = Path.of("src/main/resources/messages.properties");
	private static final Path ENGLISH = Path.of("src/main/resources/messages_en.properties");

	private final MessageSource messages = new LanguageConfiguration().messageSource("messages", false);

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	@Test
	void russianCountsTakeOneFewOrMany() {
		assertThat(List.of(1, 2, 5, 11, 21, 22, 25).stream().map(n -> n + " " + text("dashboard.users", RU, n)).toList())
			.containsExactly("1 пользователь", "2 пользователя", "5 пользователей", "11 пользователей", "21 пользователь",
					"22 пользователя", "25 пользователей");
		assertThat(List.of(1, 2, 5, 11, 21, 22, 25).stream().map(n -> text("dashboard.open-signals", RU, n)).toList())
			.containsExactly("открытый сигнал", "открытых сигнала", "открытых сигналов", "открытых сигналов",
					"открытый сигнал", "открытых сигнала", "открытых сигналов");
		assertThat(text("dashboard.open-signals", RU, 41)).isEqualTo("открытый сигнал");
		assertThat(text("error.tenant.name-too-long", RU, 21)).isEqualTo("Название организации — не длиннее 21 символа.");
		assertThat(text("error.tenant.name-too-long", RU, 200)).isEqualTo("Название организации — не длиннее 200 символов.");
		assertThat(text("monitoring.lapsing", RU, 1)).startsWith("У 1 человека согласие");
		assertThat(text("monitoring.lapsing", RU, 5)).startsWith("У 5 человек согласие");
	}

	@Test
	void englishCountsTakeOneOrOther() {
		assertThat(text("dashboard.users", EN, 1)).isEqualTo("user");
		assertThat(text("dashboard.users", EN, 2)).isEqualTo("users");
		assertThat(text("signals.days-past-due", EN, 1)).isEqualTo("1 day past due");
		assertThat(text("signals.days-past-due", EN, 2)).isEqualTo("2 days past due");
		assertThat(text("monitoring.lapsing", EN, 1)).startsWith("1 person has");
	}

	@Test
	void theNumberOfPartsIsWordedForEveryCountNotJustOneTwoAndFive() {
		assertThat(text("cabinet.offer-parts-option", RU, 1)).isEqualTo("Сразу всю сумму");
		assertThat(text("cabinet.offer-parts-option", RU, 3)).isEqualTo("В 3 платежа");
		assertThat(text("cabinet.offer-parts-option", RU, 12)).isEqualTo("В 12 платежей");
		assertThat(text("cabinet.offer-parts-option", RU, 21)).isEqualTo("В 21 платёж");
		assertThat(text("cabinet.offer-parts-option", EN, 2)).isEqualTo("In 2 payments");
	}

	@Test
	void theLimitOfAFormsPartsIsWordedForEveryCount() {
		assertThat(text("error.request.too-many-parts", RU, 50)).startsWith("В форме больше 50 частей (полей");
		assertThat(text("error.request.too-many-parts", RU, 21)).startsWith("В форме больше 21 части (полей");
		assertThat(text("error.request.too-many-parts", EN, 1)).startsWith("The form has more than 1 part (fields");
	}

	@Test
	void theTotalOfSeveralDebtsCountsThem() {
		assertThat(List.of(2, 5, 21).stream().map(n -> text("cabinet.pay-all.total", RU, n)).toList()).containsExactly(
				"Всего к оплате сейчас по 2 долгам", "Всего к оплате сейчас по 5 долгам", "Всего к оплате сейчас по 21 долгу");
		assertThat(text("cabinet.pay-all.total", EN, 1)).isEqualTo("To pay now for 1 debt");
		assertThat(text("cabinet.pay-all.total", EN, 3)).isEqualTo("To pay now for 3 debts");
	}

	@Test
	void aCountGivenAsTextIsCountedAndOtherMessagesAreFormattedAsBefore() {
		assertThat(text("dashboard.users", RU, "22")).isEqualTo("пользователя");
		assertThat(text("contacts.total", RU, 5)).isEqualTo("Всего: 5");
		assertThat(text("error.number-invalid", RU, "x")).isEqualTo("«x» — не целое число.");
	}

	/**
	 * The class, not the instances: no message puts a count before a noun in a fixed form («{0} символов», «{0}
	 * days»); a count next to a noun is a plural argument, and every plural parses and covers the language's forms.
	 */
	@Test
	void noMessageWordsACountWithAFixedNounAndEveryPluralCoversTheLanguage() throws IOException {
		Pattern russianFixed = Pattern.compile("\\{\\d+\\}\\s+(символ|знак|месяц|платеж|платёж|дн[ейя]|строк|столбц|част|байт|"
				+ "человек|пользовател|сигнал|раз[а]?\\b|организаци|должник|клиент|ключ)", Pattern.UNICODE_CASE);
		Pattern englishFixed = Pattern.compile("\\{\\d+\\}\\s+(characters|months|payments|instalments|days|bytes|rows|"
				+ "columns|parts|people|users|signals|keys|debtors|clients|organisations|urgent signals)\\b");
		List<String> wrong = new ArrayList<>();
		check(RUSSIAN, RU, russianFixed, List.of("one{", "few{", "many{", "other{"), wrong);
		check(ENGLISH, EN, englishFixed, List.of("one{", "other{"), wrong);
		assertThat(wrong).isEmpty();
	}

	private static void check(Path bundle, Locale locale, Pattern fixed, List<String> forms, List<String> wrong)
			throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		for (String key : properties.stringPropertyNames()) {
			String message = properties.getProperty(key);
			if (fixed.matcher(message).find() || message.contains(",choice,")) {
				wrong.add(bundle.getFileName() + " " + key + ": " + message);
			}
			if (message.contains(", plural,")) {
				new MessageFormat(message, locale);
				forms.stream().filter(form -> !message.contains(form))
					.forEach(form -> wrong.add(bundle.getFileName() + " " + key + " lacks " + form));
			}
		}
	}
}
