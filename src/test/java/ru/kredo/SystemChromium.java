package ru.kredo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.microsoft.playwright.Playwright;

/**
 * The Chromium the browser tests drive, found or got by the test command itself, so that {@code ./mvnw verify} needs
 * no set-up step on a fresh machine: {@code -Dchromium.path} or {@code CHROMIUM_PATH} if given; else Debian's
 * ({@code /usr/bin/chromium}); else, when running as root on Debian, Debian's package installed with apt-get; else
 * Playwright's own build, downloaded from its site where that is reachable. When none can be had, the error says
 * exactly what to install.
 */
final class SystemChromium {

	private static final List<Path> KNOWN = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));

	private static Path found;

	private SystemChromium() {
	}

	static synchronized Path path() {
		if (found == null) {
			found = find();
		}
		return found;
	}

	private static Path find() {
		String configured = System.getProperty("chromium.path", System.getenv("CHROMIUM_PATH"));
		if (configured != null && !configured.isBlank()) {
			Path chromium = Path.of(configured);
			if (!Files.isExecutable(chromium)) {
				throw new IllegalStateException("CHROMIUM_PATH / -Dchromium.path names " + chromium
						+ ", which is not an executable");
			}
			return chromium;
		}
		for (Path chromium : KNOWN) {
			if (Files.isExecutable(chromium)) {
				return chromium;
			}
		}
		if (isRoot() && Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
			System.err.println("[browser tests] no Chromium: installing Debian's (apt-get install chromium)");
			if (run("apt-get", "update", "-qq") && run("apt-get", "install", "-y", "-qq", "chromium")
					&& Files.isExecutable(KNOWN.getFirst())) {
				return KNOWN.getFirst();
			}
		}
		try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "0")))) {
			Path chromium = Path.of(playwright.chromium().executablePath());
			if (Files.isExecutable(chromium)) {
				return chromium;
			}
		}
		catch (RuntimeException downloadFailed) {
			System.err.println("[browser tests] Playwright could not download its Chromium: " + downloadFailed.getMessage());
		}
		throw new IllegalStateException("""
				No Chromium for the browser tests, and none could be installed from here. Install Debian's:
				    sudo apt-get install chromium
				or point CHROMIUM_PATH (or -Dchromium.path) at a Chromium or Chrome executable.""");
	}

	private static boolean isRoot() {
		try {
			Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
			return new String(id.getInputStream().readAllBytes()).strip().equals("0") && id.waitFor() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static boolean run(String... command) {
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.INHERIT);
			builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
			Process process = builder.start();
			return process.waitFor(15, TimeUnit.MINUTES) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}
