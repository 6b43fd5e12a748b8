package ru.kredo.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletResponse;

/** The error report of every upload (lists by page and API, portfolios) is written through the same method. */
class ErrorReportTests {

	@Test
	void aHeaderOrCellEchoedInTheReportIsNeverAFormula() throws IOException {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("imports.errors.line", Locale.ROOT, "line");
		messages.addMessage("imports.errors.column", Locale.ROOT, "column");
		messages.addMessage("imports.errors.reason", Locale.ROOT, "reason");
		messages.addMessage("error.cell-unreadable", Locale.ROOT, "{0}");
		MockHttpServletResponse response = new MockHttpServletResponse();

		ErrorReport.write(response, "errors.csv", messages, Locale.ROOT, (after, limit) -> after > 0 ? List.of()
				: List.of(new RowError(2, "=HYPERLINK(\"http://evil\")", "cell-unreadable", List.of("+cmd|' /C calc'!A0")),
						new RowError(3, "@SUM(A1)", "cell-unreadable", List.of("-1"))));

		assertThat(response.getContentAsString()).isEqualTo("""
				\uFEFFline;column;reason\r
				2;"'=HYPERLINK(""http://evil"")";'+cmd|' /C calc'!A0\r
				3;'@SUM(A1);'-1\r
				""");
	}
}
