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
		return new Sample(jvm.getProcessCpuTime() / 1e9, postgres());
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

	record Sample(double jvm, double postgres) {

		/** CPU microseconds per event since the earlier sample: the JVM's and PostgreSQL's. */
		Cost since(Sample earlier, long events) {
			return new Cost((jvm - earlier.jvm) * 1e6 / events, (postgres - earlier.postgres) * 1e6 / events);
		}
	}

	record Cost(double jvm, double postgres) {

		double total() {
			return jvm + postgres;
		}

		@Override
		public String toString() {
			return String.format("%.1f + %.1f = %.1f µs", jvm, postgres, total());
		}
	}
}
