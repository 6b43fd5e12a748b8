package ru.kredo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every word a user reads comes from the message bundles, in Russian and in English: a template with hard-coded
 * text, a key missing from one bundle, or a template naming a key that no bundle has fails here.
 */
class MessagesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");
	private static final Path RUSSIAN = Path.of("src/main/resources/messages.properties");
	private static final Path ENGLISH = Path.of("src/main/resources/messages_en.properties");
	/** Attributes a user reads; each needs a th: counterpart (th:placeholder, th:attr=…) instead of a literal. */
	private static final Set<String> READABLE_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "value",
			"hx-confirm");
	private static final Pattern LETTER = Pattern.compile("\\p{IsAlphabetic}");
	private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z0-9.-]+)[}(]");

	@Test
	void bothBundlesHaveTheSameKeys() throws IOException {
		assertThat(load(ENGLISH).stringPropertyNames()).isEqualTo(load(RUSSIAN).stringPropertyNames());
	}

	@Test
	void noBundleHasAnEmptyMessage() throws IOException {
		for (Path bundle : List.of(RUSSIAN, ENGLISH)) {
			Properties messages = load(bundle);
			assertThat(messages.stringPropertyNames()).as(bundle.toString())
				.allSatisfy(key -> assertThat(messages.getProperty(key)).as(key).isNotBlank());
		}
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Properties russian = load(RUSSIAN);
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			Matcher key = LITERAL_KEY.matcher(Files.readString(template));
			while (key.find()) {
				if (!russian.containsKey(key.group(1))) {
					missing.add(TEMPLATES.relativize(template) + ": " + key.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void templatesHaveNoHardCodedText() throws IOException {
		List<String> hardCoded = new ArrayList<>();
		for (Path template : templates()) {
			Document page = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
			for (Element element : page.getAllElements()) {
				if (replacesItsContent(element)) {
					continue;
				}
				for (TextNode text : element.textNodes()) {
					if (LETTER.matcher(text.text()).find() && !insideReplacedElement(element)) {
						hardCoded.add(TEMPLATES.relativize(template) + ": <" + element.tagName() + "> " + text.text().strip());
					}
				}
				element.attributes().forEach(attribute -> {
					if (READABLE_ATTRIBUTES.contains(attribute.getKey()) && LETTER.matcher(attribute.getValue()).find()
							&& !element.hasAttr("th:" + attribute.getKey())) {
						hardCoded.add(TEMPLATES.relativize(template) + ": " + attribute.getKey() + "=\"" + attribute.getValue() + "\"");
					}
				});
			}
		}
		assertThat(hardCoded).isEmpty();
	}

	/**
	 * Text inside an element whose content Thymeleaf replaces is a designer's placeholder, never shown. A page's
	 * {@code <html th:replace="~{layout :: …}">} is the exception: the layout shows the page's parts.
	 */
	private static boolean replacesItsContent(Element element) {
		return !element.tagName().equals("html")
				&& Stream.of("th:text", "th:utext", "th:replace", "th:insert").anyMatch(element::hasAttr);
	}

	private static boolean insideReplacedElement(Element element) {
		return element.parents().stream().anyMatch(MessagesTests::replacesItsContent);
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static Properties load(Path bundle) throws IOException {
		Properties properties = new Properties();
		try (Reader in = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}
}
