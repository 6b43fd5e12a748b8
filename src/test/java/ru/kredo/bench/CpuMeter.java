package ru.kredo.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.sun.management.OperatingSystemMXBean;

/**
 * CPU time spent by this JVM and by the benchmark's PostgreSQL server (its postmaster, its live backends, and the
 * children it has reaped), from {@code /proc}. Unlike wall time it hardly changes when other work shares the machine,
 * so it compares the three paths fairly on a busy machine; on two cores, events per second cannot exceed
 * 2 / (CPU seconds per event).
 */
final class CpuMeter {

	private static final double TICK = 0.01; // USER_HZ is 100 on Linux

	private final OperatingSystemMXBean jvm = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
	private final long postmaster;

	CpuMeter(JdbcClient jdbc) {
		long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
		this.postmaster = Long.parseLong(stat(backend)[3]);
	}

	Sample sample() {
		return new Sample(jvm.getProcessCpuTime() / 1e9, postgres(),
				ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9, jvmThreads("C1 Compi", "C2 Compi"),
				jvmThreads("GC Thread", "G1 "));
	}

	// CPU of this JVM's threads whose names start so (the JIT compilers, the garbage collector), from /proc/self/task.
	private static double jvmThreads(String... prefixes) {
		double seconds = 0;
		try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
			for (Path task : tasks.toList()) {
				try {
					String line = Files.readString(task.resolve("stat"));
					String name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
					if (Stream.of(prefixes).anyMatch(name::startsWith)) {
						String[] rest = line.substring(line.lastIndexOf(')') + 2).split(" ");
						seconds += (Long.parseLong(rest[11]) + Long.parseLong(rest[12])) * TICK;
					}
				}
				catch (IOException gone) {
					// the thread ended meanwhile
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return seconds;
	}

	private double postgres() {
		String[] own = stat(postmaster);
		double seconds = ticks(own, 13) + ticks(own, 14) + ticks(own, 15) + ticks(own, 16);
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
				String[] stat = stat(Long.parseLong(process.getFileName().toString()));
				if (stat != null && Long.parseLong(stat[3]) == postmaster) {
					seconds += ticks(stat, 13) + ticks(stat, 14);
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return seconds;
	}

	private static double ticks(String[] stat, int field) {
		return Long.parseLong(stat[field]) * TICK;
	}

	// The fields of /proc/<pid>/stat after the command name (which may contain spaces), numbered as in proc(5) minus one.
	private static String[] stat(long pid) {
		try {
			String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] rest = line.substring(line.lastIndexOf(')') + 2).split(" ");
			String[] fields = new String[rest.length + 2];
			fields[0] = Long.toString(pid);
			fields[1] = "";
			System.arraycopy(rest, 0, fields, 2, rest.length);
			return fields;
		}
		catch (IOException ex) {
			return null; // gone meanwhile
		}
	}

	/** Seconds of CPU: the JVM's (of which the calling thread's, the JIT's, the GC's) and PostgreSQL's. */
	record Sample(double jvm, double postgres, double caller, double jit, double gc) {

		/** CPU microseconds per event since the earlier sample. */
		Cost since(Sample earlier, long events) {
			double perEvent = 1e6 / events;
			return new Cost((jvm - earlier.jvm) * perEvent, (postgres - earlier.postgres) * perEvent,
					(caller - earlier.caller) * perEvent, (jit - earlier.jit) * perEvent, (gc - earlier.gc) * perEvent);
		}
	}

	record Cost(double jvm, double postgres, double caller, double jit, double gc) {

		double total() {
			return jvm + postgres;
		}

		@Override
		public String toString() {
			return String.format("%.1f + %.1f = %.1f µs", jvm, postgres, total());
		}

		/** The JVM's part split: the calling thread, the JIT, the GC, and the rest (other threads, such as a reader). */
		String jvmSplit() {
			return String.format("caller %.1f, JIT %.1f, GC %.1f, other threads %.1f µs", caller, jit, gc,
					jvm - caller - jit - gc);
		}
	}
}
