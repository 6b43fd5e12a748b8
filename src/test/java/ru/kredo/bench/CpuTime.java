package ru.kredo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU time used by a process and its children so far, from Linux's {@code /proc/<pid>/stat} (user + system, in
 * clock ticks of 10 ms): how a benchmark tells PostgreSQL's share of the machine from its own. Zero where there is
 * no {@code /proc}.
 */
public final class CpuTime {

	private static final long NANOS_PER_TICK = 10_000_000;

	private CpuTime() {
	}

	/** The CPU time of the process whose id is the first line of {@code pidFile} (PostgreSQL's postmaster.pid). */
	public static long ofProcessTreeNanos(Path pidFile) {
		try {
			long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
			Optional<ProcessHandle> root = ProcessHandle.of(pid);
			if (root.isEmpty()) {
				return 0;
			}
			// The server's own time and that of its exited children, then each live child's (the backends).
			long ticks = ticks(pid, true);
			for (ProcessHandle child : root.get().children().toList()) {
				ticks += ticks(child.pid(), false);
			}
			return ticks * NANOS_PER_TICK;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/**
	 * The whole machine's CPU time so far ({@code /proc/stat}): busy (user, nice, system, interrupts) and stolen by
	 * the hypervisor, in nanoseconds summed over all cores; zeros where there is no {@code /proc}.
	 */
	public static Machine ofMachine() {
		try {
			String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().split("\\s+");
			long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
					+ Long.parseLong(f[7]);
			return new Machine(busy * NANOS_PER_TICK, Long.parseLong(f[8]) * NANOS_PER_TICK);
		}
		catch (IOException | RuntimeException ex) {
			return new Machine(0, 0);
		}
	}

	/** CPU time of all cores: busy, and stolen by the hypervisor. */
	public record Machine(long busyNanos, long stolenNanos) {
	}

	private static long ticks(long pid, boolean withExitedChildren) throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		// Fields after the command name, which is in parentheses and may contain spaces: state is field 3.
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		return withExitedChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
	}
}
