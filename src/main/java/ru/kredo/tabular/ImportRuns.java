package ru.kredo.tabular;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.kredo.platform.KredoProperties;

/**
 * Which process runs which import, so that one whose process died says so at once. Each start of Kredo is a run
 * with a random id, on a node: the host, the data directory and the process id. An import records the run and node
 * that run it; while it runs, its process touches its heartbeat every {@code kredo.imports.heartbeat.interval}.
 * <p>
 * At start-up, and with every heartbeat, an import still RUNNING is marked INTERRUPTED (the rows before kept) when a
 * process on this host and data directory ran it that is no longer alive — gone, and its spooled file with it — or
 * when its heartbeat is older than {@code kredo.imports.heartbeat.stale-after}, whoever ran it. An import a live
 * process runs is left alone: the server's, while the command line (another process on the same data directory)
 * starts and stops, or another application context in the same JVM (as tests make).
 */
@Component
public class ImportRuns {

	private static final Logger log = LoggerFactory.getLogger(ImportRuns.class);

	/** An importing module's table of imports, as the runs see it. */
	public interface Imports {

		/** Touches the heartbeat of those of these imports that are still RUNNING. */
		void beat(Set<UUID> running, Instant now);

		/** The nodes that run the RUNNING imports. */
		Set<String> runningNodes();

		/**
		 * Marks INTERRUPTED each RUNNING import not of {@code run} that one of the {@code dead} nodes ran or whose
		 * heartbeat is before {@code staleBefore}; says how many.
		 */
		int interruptDead(UUID run, Set<String> dead, Instant staleBefore, Instant now);
	}

	/**
	 * @param interval how often a process touches the heartbeat of the imports it runs
	 * @param staleAfter how long a RUNNING import may go without a heartbeat before it reads, and is marked, as
	 *        interrupted
	 */
	@ConfigurationProperties("kredo.imports.heartbeat")
	public record Heartbeat(@DefaultValue("5s") Duration interval, @DefaultValue("30s") Duration staleAfter) {
	}

	private final UUID id = UUID.randomUUID();
	// host:data-directory#pid
	private final String place;
	private final String node;
	private final Heartbeat heartbeat;
	private final Clock clock;
	private final ObjectProvider<Imports> tables;
	private final Set<UUID> running = ConcurrentHashMap.newKeySet();

	ImportRuns(KredoProperties properties, Heartbeat heartbeat, Clock clock, ObjectProvider<Imports> tables) {
		this.place = host() + ":" + properties.dataDirectory().toAbsolutePath().normalize();
		this.node = nodeOf(ProcessHandle.current().pid());
		this.heartbeat = heartbeat;
		this.clock = clock;
		this.tables = tables;
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			return "localhost";
		}
	}

	/** This process's run: a new id at every start. */
	public UUID id() {
		return id;
	}

	/** This process's node: its host, data directory and process id. */
	public String node() {
		return node;
	}

	/** The node of process {@code pid} on this host and data directory. */
	public String nodeOf(long pid) {
		return place + "#" + pid;
	}

	// Of these nodes, those on this host and data directory whose process is no longer alive.
	private Set<String> dead(Set<String> nodes) {
		Set<String> dead = new java.util.HashSet<>();
		for (String other : nodes) {
			if (other != null && other.startsWith(place + "#")) {
				try {
					long pid = Long.parseLong(other.substring(place.length() + 1));
					if (ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true)) {
						dead.add(other);
					}
				}
				catch (NumberFormatException notOurs) {
					// Written by an older version (host and directory only): its heartbeat tells.
				}
			}
		}
		return dead;
	}

	/** How long a RUNNING import may go without a heartbeat before it reads as interrupted. */
	public Duration staleAfter() {
		return heartbeat.staleAfter();
	}

	/** Runs an import in this thread, touching its heartbeat until it ends. */
	public void run(UUID importId, Runnable work) {
		running.add(importId);
		try {
			work.run();
		}
		finally {
			running.remove(importId);
		}
	}

	/** Marks the imports dead runs left RUNNING as INTERRUPTED, at once, before anyone asks about them. */
	@EventListener(ApplicationReadyEvent.class)
	public void recover() {
		Instant now = clock.instant();
		for (Imports table : tables) {
			int interrupted = table.interruptDead(id, dead(table.runningNodes()), now.minus(heartbeat.staleAfter()), now);
			if (interrupted > 0) {
				log.warn("{} import(s) left running by a stopped process marked as interrupted", interrupted);
			}
		}
	}

	@Scheduled(fixedDelayString = "${kredo.imports.heartbeat.interval:5s}",
			initialDelayString = "${kredo.imports.heartbeat.interval:5s}")
	void beat() {
		Instant now = clock.instant();
		List<Imports> all = tables.orderedStream().toList();
		Set<UUID> ids = Set.copyOf(running);
		for (Imports table : all) {
			try {
				if (!ids.isEmpty()) {
					table.beat(ids, now);
				}
				table.interruptDead(id, dead(table.runningNodes()), now.minus(heartbeat.staleAfter()), now);
			}
			catch (RuntimeException ex) {
				log.warn("Could not touch the imports' heartbeat", ex);
			}
		}
	}
}
