package ru.kredo.operator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import ru.kredo.calendar.BusinessCalendar;
import ru.kredo.events.CreditEventIntake;
import ru.kredo.events.IngestionReport;
import ru.kredo.events.IntakeReport;
import ru.kredo.events.QueuedReport;
import ru.kredo.events.simulator.BureauSimulator;
import ru.kredo.events.simulator.EventLines;
import ru.kredo.events.simulator.Population;
import tools.jackson.databind.json.JsonMapper;

/** {@code events import FILE} and {@code events simulate …}: bureau files in and out. */
@Command(name = "events", description = "Credit events: import a bureau file, or write a simulated one.")
final class EventCommands {

	@Command(name = "import", mixinStandardHelpOptions = true,
			description = "Ingest a file of credit events (JSON Lines or a JSON array) and print what became of them.")
	static final class Import implements Callable<Integer> {

		private final KredoCommandLine.Launcher kredo;

		@Parameters(paramLabel = "FILE", description = "The events, JSON Lines or a JSON array.")
		Path file;

		@CommandLine.Spec
		CommandLine.Model.CommandSpec spec;

		Import(KredoCommandLine.Launcher kredo) {
			this.kredo = kredo;
		}

		@Override
		public Integer call() throws IOException {
			PrintWriter out = spec.commandLine().getOut();
			try (ConfigurableApplicationContext context = kredo.start();
					InputStream in = Files.newInputStream(file)) {
				IntakeReport report = context.getBean(CreditEventIntake.class)
					.take(in, ru.kredo.events.UploadSource.commandLine(file.getFileName().toString()));
				out.println("received=" + report.received());
				switch (report) {
					case IngestionReport stored -> {
						out.println("accepted=" + stored.accepted());
						out.println("duplicates=" + stored.duplicates());
					}
					// With Kafka configured the events go to the topic, and the server's nodes store them.
					case QueuedReport queued -> out.println("queued=" + queued.queued());
				}
				out.println("rejected=" + report.rejectedTotal());
				out.println("ignored-fields=" + report.ignoredTotal());
				for (IngestionReport.RejectedEvent rejected : report.rejected()) {
					out.println("line " + rejected.line() + (rejected.eventId() == null ? "" : " (" + rejected.eventId() + ")")
							+ ": " + rejected.code() + " " + context.getMessage("error." + rejected.code(),
									rejected.arguments(), rejected.code(), Locale.forLanguageTag("ru")));
				}
				for (IngestionReport.IgnoredField ignored : report.ignored()) {
					out.println("line " + ignored.line() + (ignored.eventId() == null ? "" : " (" + ignored.eventId() + ")")
							+ ": " + ignored.field() + " ignored, " + ignored.code() + " " + context.getMessage(
									"error." + ignored.code(), ignored.arguments(), ignored.code(), Locale.forLanguageTag("ru")));
				}
				if (report.rejectedTotal() > report.rejected().size() || report.ignoredTotal() > report.ignored().size()) {
					out.println("показаны первые " + IntakeReport.LISTED + " отклонённых событий и первые " + IntakeReport.LISTED + " пропущенных полей");
				}
				out.flush();
				return report.rejectedTotal() == 0 ? 0 : 2;
			}
		}
	}

	@Command(name = "simulate", mixinStandardHelpOptions = true,
			description = "Write a simulated bureau's events as JSON Lines: the same seed and start, the same file.")
	static final class Simulate implements Callable<Integer> {

		@Option(names = "--seed", defaultValue = "1", description = "Seed of the people and of the stream.")
		long seed;

		@Option(names = "--people", defaultValue = "10000", description = "How many people the bureau reports on.")
		long people;

		@Option(names = "--events", defaultValue = "1000", description = "How many events to write.")
		int events;

		@Option(names = "--start", description = "First day (Moscow), default today.")
		LocalDate start;

		@Option(names = "--days", defaultValue = "1", description = "Over how many days the events spread.")
		int days;

		@Option(names = "--source", defaultValue = "simulated-bureau", description = "The events' source.")
		String source;

		@Option(names = "--out", required = true, description = "The JSON Lines file to write.")
		Path out;

		@CommandLine.Spec
		CommandLine.Model.CommandSpec spec;

		@Override
		public Integer call() throws IOException {
			ZoneId moscow = BusinessCalendar.MOSCOW; // the bureaus' time, as EventReader reads it
			Instant from = (start == null ? LocalDate.now(moscow) : start).atStartOfDay(moscow).toInstant();
			BureauSimulator bureau = new BureauSimulator(seed, source, new Population(seed, people), new Population(seed, 0), 1);
			EventLines lines = new EventLines(JsonMapper.builder().build());
			try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
				bureau.next(events, from, Duration.ofDays(days)).forEach(event -> lines.write(event, writer));
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
			spec.commandLine().getOut().println("events=" + events + " file=" + out);
			spec.commandLine().getOut().flush();
			return 0;
		}
	}
}
