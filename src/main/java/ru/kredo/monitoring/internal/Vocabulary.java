package ru.kredo.monitoring.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.monitoring.Segment;

/** The words brokers put in segment, consent and yes/no columns, in Russian and English. */
final class Vocabulary {

	private static final Map<String, Segment> SEGMENTS = Map.ofEntries(
			Map.entry("inprogress", Segment.IN_PROGRESS), Map.entry("вработе", Segment.IN_PROGRESS),
			Map.entry("договор", Segment.IN_PROGRESS), Map.entry("вработедоговор", Segment.IN_PROGRESS),
			Map.entry("prospect", Segment.PROSPECT), Map.entry("дожим", Segment.PROSPECT),
			Map.entry("надожиме", Segment.PROSPECT), Map.entry("потенциальный", Segment.PROSPECT),
			Map.entry("preparing", Segment.PREPARING), Map.entry("подготовка", Segment.PREPARING),
			Map.entry("готовится", Segment.PREPARING), Map.entry("готовитсякработе", Segment.PREPARING),
			Map.entry("paused", Segment.PAUSED), Map.entry("пауза", Segment.PAUSED),
			Map.entry("напаузе", Segment.PAUSED), Map.entry("active", Segment.ACTIVE),
			Map.entry("действующий", Segment.ACTIVE), Map.entry("действующийклиент", Segment.ACTIVE),
			Map.entry("клиент", Segment.ACTIVE), Map.entry("debtor", Segment.DEBTOR),
			Map.entry("должник", Segment.DEBTOR));

	private static final Map<String, ConsentMethod> METHODS = Map.ofEntries(
			Map.entry("paper", ConsentMethod.PAPER), Map.entry("бумага", ConsentMethod.PAPER),
			Map.entry("бумажное", ConsentMethod.PAPER), Map.entry("письменно", ConsentMethod.PAPER),
			Map.entry("письменное", ConsentMethod.PAPER), Map.entry("electronicsignature", ConsentMethod.ELECTRONIC_SIGNATURE),
			Map.entry("electronic", ConsentMethod.ELECTRONIC_SIGNATURE), Map.entry("эп", ConsentMethod.ELECTRONIC_SIGNATURE),
			Map.entry("пэп", ConsentMethod.ELECTRONIC_SIGNATURE), Map.entry("эцп", ConsentMethod.ELECTRONIC_SIGNATURE),
			Map.entry("электроннаяподпись", ConsentMethod.ELECTRONIC_SIGNATURE),
			Map.entry("website", ConsentMethod.WEBSITE), Map.entry("сайт", ConsentMethod.WEBSITE),
			Map.entry("насайте", ConsentMethod.WEBSITE), Map.entry("онлайн", ConsentMethod.WEBSITE),
			Map.entry("other", ConsentMethod.OTHER), Map.entry("другое", ConsentMethod.OTHER),
			Map.entry("иное", ConsentMethod.OTHER));

	private static final Set<String> YES = Set.of("да", "есть", "yes", "y", "true", "1", "+", "получено");
	private static final Set<String> NO = Set.of("нет", "no", "n", "false", "0", "-");

	private Vocabulary() {
	}

	static Optional<Segment> segment(String text) {
		String key = key(text);
		return Optional.ofNullable(SEGMENTS.get(key))
			.or(() -> java.util.Arrays.stream(Segment.values()).filter(s -> key(s.name()).equals(key)).findFirst());
	}

	static Optional<ConsentMethod> consentMethod(String text) {
		String key = key(text);
		return Optional.ofNullable(METHODS.get(key))
			.or(() -> java.util.Arrays.stream(ConsentMethod.values()).filter(m -> key(m.name()).equals(key)).findFirst());
	}

	static boolean yes(String text) {
		return YES.contains(text.strip().toLowerCase(Locale.ROOT));
	}

	static boolean no(String text) {
		return NO.contains(text.strip().toLowerCase(Locale.ROOT));
	}

	private static String key(String text) {
		return Field.normalize(text);
	}
}
