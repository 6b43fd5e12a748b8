package ru.kredo.documents.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import ru.kredo.money.Amounts;
import com.openhtmltopdf.util.XRLog;

/**
 * Turns a Thymeleaf template under {@code templates/documents/} into a PDF: the template gives XHTML, openhtmltopdf
 * lays it out with the bundled DejaVu Sans, so Cyrillic never depends on the machine's fonts. Documents are legal
 * papers in Russia, so they are rendered in Russian whatever the reader's language.
 */
@Component
public class DocumentPdf {

	static final String FONT_FAMILY = "DejaVu Sans";
	private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	private static final Amounts AMOUNTS = new Amounts();

	private final ITemplateEngine templates;
	private final byte[] regular = resource("/fonts/DejaVuSans.ttf");
	private final byte[] bold = resource("/fonts/DejaVuSans-Bold.ttf");
	private final String stylesheet = new String(resource("/templates/documents/document.css"), StandardCharsets.UTF_8);

	public DocumentPdf(ITemplateEngine templates) {
		this.templates = templates;
		// openhtmltopdf logs every render at INFO to its own console handler, past Logback; only problems matter.
		XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
	}

	/** Renders {@code templates/documents/<name>.html} with these variables (and {@code stylesheet}). */
	public byte[] render(String name, Map<String, ?> variables) {
		Context context = new Context(RUSSIAN);
		context.setVariables(Map.copyOf(variables));
		context.setVariable("stylesheet", stylesheet);
		// The one way amounts are written (26 366,15): a plain context has no beans, so the formatter goes in by name.
		context.setVariable("amounts", AMOUNTS);
		return pdf(templates.process("documents/" + name, context));
	}

	private byte[] pdf(String xhtml) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useFont(() -> new ByteArrayInputStream(regular), FONT_FAMILY, 400, FontStyle.NORMAL, true);
			builder.useFont(() -> new ByteArrayInputStream(bold), FONT_FAMILY, 700, FontStyle.NORMAL, true);
			builder.withProducer("Kredo");
			// Everything the documents show is inline (the stylesheet, the QR code as a data URI): nothing to fetch.
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static byte[] resource(String path) {
		try (InputStream in = DocumentPdf.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("Missing resource " + path);
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
