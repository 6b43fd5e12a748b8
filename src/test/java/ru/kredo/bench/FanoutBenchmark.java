package ru.kredo.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import ru.kredo.Fixtures;
import ru.kredo.Nodes;
import ru.kredo.accounts.User;
import ru.kredo.contacts.Contact;
import ru.kredo.contacts.Contacts;
import ru.kredo.contacts.FullName;
import ru.kredo.contacts.PhoneNumber;
import ru.kredo.conversations.ConversationId;
import ru.kredo.conversations.ConversationStreams;
import ru.kredo.conversations.Conversations;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.tenancy.TenantKind;

/**
 * What the PostgreSQL fan-out costs one process against the in-process one (docs/conversations.md «Several nodes»):
 * two nodes on one database, one with each; in turns, each writes the same number of operator answers (the whole
 * {@code Conversations.reply}: the message, its publication, and with {@code postgres} its {@code pg_notify} and the
 * notification heard back) from a few threads at once, to conversations each with a live page open on that node
 * (whose row the PostgreSQL one writes). Reported: CPU (this JVM and PostgreSQL) and wall time per answer, best of
 * the rounds (on a shared machine the others are mostly someone else's work). Not part of the build:
 * {@code ./mvnw -B verify -DskipUTs=true -Dit.test=FanoutBenchmark} ({@code -Dbench.answers=}, {@code -Dbench.threads=}).
 */
@Tag("benchmark")
class FanoutBenchmark {

	private static final int ANSWERS = Integer.getInteger("bench.answers", 2000);
	private static final int THREADS = Integer.getInteger("bench.threads", 4);
	private static final int CONVERSATIONS = 40;
	private static final int ROUNDS = 5;

	@Test
	void answersWithEachFanout() throws Exception {
		ConfigurableApplicationContext inProcess = Nodes.start("--kredo.conversations.fanout=in-process");
		ConfigurableApplicationContext postgres = Nodes.start("--kredo.conversations.fanout=postgres");
		try {
			Setup one = setUp(inProcess);
			Setup other = setUp(postgres);
			CpuMeter cpu = new CpuMeter(inProcess.getBean(JdbcClient.class));
			double[] best = { Double.MAX_VALUE, Double.MAX_VALUE };
			double[] bestWall = { Double.MAX_VALUE, Double.MAX_VALUE };
			for (int round = 1; round <= ROUNDS; round++) {
				for (int turn = 0; turn < 2; turn++) {
					boolean pg = (round + turn) % 2 == 0;
					Setup setup = pg ? other : one;
					CpuMeter.Sample before = cpu.sample();
					long start = System.nanoTime();
					answer(setup);
					double wall = (System.nanoTime() - start) / 1e3 / ANSWERS;
					CpuMeter.Cost cost = cpu.sample().since(before, ANSWERS);
					int i = pg ? 1 : 0;
					best[i] = Math.min(best[i], cost.total());
					bestWall[i] = Math.min(bestWall[i], wall);
					IngestionBenchmark.log("round %d, %s: %s CPU, %.0f µs wall per answer (%d threads)", round,
							pg ? "postgres" : "in-process", cost, wall, THREADS);
				}
			}
			IngestionBenchmark.log("best: in-process %.1f µs CPU, %.0f µs wall; postgres %.1f µs CPU, %.0f µs wall per answer",
					best[0], bestWall[0], best[1], bestWall[1]);
		}
		finally {
			postgres.close();
			inProcess.close();
		}
	}

	private record Setup(ConfigurableApplicationContext node, Provisioned agency, User operator,
			List<ConversationId> conversations) {
	}

	private static Setup setUp(ConfigurableApplicationContext node) {
		Fixtures fixtures = node.getBean(Fixtures.class);
		Conversations conversations = node.getBean(Conversations.class);
		ConversationStreams streams = node.getBean(ConversationStreams.class);
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		User operator = fixtures.manager(agency);
		List<ConversationId> ids = new ArrayList<>();
		for (int i = 0; i < CONVERSATIONS; i++) {
			Contact debtor = node.getBean(Contacts.class).add(agency.tenant().id(),
					new FullName("Дебитор", "Номер", "Сорок"), LocalDate.of(1980, 1, 1), null, null, null,
					PhoneNumber.parse("+7918" + String.format("%07d", 1_000_000 + i)), null);
			ConversationId id = conversations.fromDebtor(agency.tenant().id(), debtor.id(), "Вопрос " + i, null)
				.conversationId();
			ids.add(id);
			// A live page on each: what it is told is read and rendered, as a browser's would be.
			streams.conversation(agency.tenant().id(), id, "bench-" + i, Long.MAX_VALUE, message -> "", () -> true);
		}
		return new Setup(node, agency, operator, ids);
	}

	private static void answer(Setup setup) throws Exception {
		Conversations conversations = setup.node().getBean(Conversations.class);
		try (ExecutorService threads = Executors.newFixedThreadPool(THREADS)) {
			List<CompletableFuture<Void>> work = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				work.add(CompletableFuture.runAsync(() -> {
					for (int i = thread; i < ANSWERS; i += THREADS) {
						conversations.reply(setup.agency().tenant().id(),
								setup.conversations().get(i % CONVERSATIONS), setup.operator().id(), "Ответ " + i, null);
					}
				}, threads));
			}
			CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
		}
		Thread.sleep(Duration.ofMillis(300));
	}
}
