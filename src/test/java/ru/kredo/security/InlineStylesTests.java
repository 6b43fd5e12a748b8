package ru.kredo.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy allows styles from Kredo's own files only ({@code style-src 'self'}): a {@code style}
 * attribute or a {@code <style>} element in a page's template is blocked by the browser (the page looks wrong and the
 * console says why). Pages use classes from the style sheets instead; only the PDF documents, which no browser renders,
 * carry their own styles.
 */
class InlineStylesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");
	/** Rendered to PDF on the server (documents/internal/DocumentPdf), never served as a page. */
	private static final Set<String> PDF_TEMPLATES = Set.of("documents/repayment-certificate.html",
			"documents/payment-statement.html", "documents/payment-schedule.html",
			"documents/conversation-transcript.html", "documents/settlement-agreement.html");
	private static final Pattern INLINE = Pattern.compile("\\sstyle\\s*=\\s*\"|<style[\\s>]");

	@Test
	void noPageTemplateCarriesAStyleThePolicyBlocks() throws IOException {
		assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY).contains("style-src 'self'");
		List<String> inline;
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			inline = files.filter(file -> file.toString().endsWith(".html"))
				.filter(file -> !PDF_TEMPLATES.contains(TEMPLATES.relativize(file).toString().replace('\\', '/')))
				.filter(file -> {
					try {
						return INLINE.matcher(Files.readString(file)).find();
					}
					catch (IOException ex) {
						throw new IllegalStateException(ex);
					}
				})
				.map(file -> TEMPLATES.relativize(file).toString())
				.toList();
		}
		assertThat(inline).as("templates with a style attribute or element").isEmpty();
	}
}
