package ru.kredo.operator;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import ru.kredo.audit.AuditActor;
import ru.kredo.tenancy.TenantKind;

/**
 * Kredo's command line, for scripts and operations. It starts Kredo without the web server against the same
 * database (with the embedded one, the running server's if it is up), does one thing and exits:
 *
 * <pre>
 * java -jar target/kredo.jar tenant create --name "ООО Ромашка" --kind BROKER --admin-email admin@romashka.ru --admin-name "Анна Петрова"
 * </pre>
 *
 * It prints the new tenant's id, the admin's password when it was generated, and a new API key (shown once).
 * {@code events import FILE} ingests a bureau file; {@code events simulate …} writes a simulated one;
 * {@code operator create …} adds a platform operator and {@code feed-key issue …} issues a bureau feed's API key, so
 * that a Kredo without the demo can be run from the first start. Spring settings ({@code --server.port=…},
 * {@code --kredo.data-directory=…}) may be given anywhere among the arguments.
 */
@Command(name = "kredo", mixinStandardHelpOptions = true,
		description = "Kredo's command line. Without a command, Kredo serves the web application.")
public final class KredoCommandLine {

	private static final java.util.Set<String> COMMANDS = java.util.Set.of("tenant", "events", "operator", "feed-key",
			"help", "--help", "-h");

	/** A Spring setting given as an argument, {@code --kredo.data-directory=/srv/kredo}: for Kredo, not for a command. */
	private static final java.util.regex.Pattern SETTING = java.util.regex.Pattern
		.compile("--[a-zA-Z][\\w-]*(\\.[\\w\\[\\]-]+)+=.*", java.util.regex.Pattern.DOTALL);

	private KredoCommandLine() {
	}

	/** Whether {@code args} name a command (Spring settings such as {@code --server.port=…} may come first). */
	public static boolean isCommand(String[] args) {
		return java.util.Arrays.stream(args).filter(arg -> !SETTING.matcher(arg).matches()).findFirst()
			.filter(COMMANDS::contains).isPresent();
	}

	/**
	 * Runs the command in {@code args} against a Kredo started from {@code application}; returns the exit code.
	 * Arguments of the form {@code --some.setting=value}, anywhere, are Spring settings for the Kredo the command
	 * starts (as for the server); the rest is the command. Only the command's result goes to standard output: while it
	 * runs, anything else written there (a library's warning in the log) goes to standard error.
	 */
	public static int run(Class<?> application, String[] args) {
		java.util.List<String> settings = new java.util.ArrayList<>();
		java.util.List<String> command = new java.util.ArrayList<>();
		for (String arg : args) {
			(SETTING.matcher(arg).matches() ? settings : command).add(arg);
		}
		Launcher kredo = new Launcher(application, settings.toArray(String[]::new));
		CommandLine tenant = new CommandLine(new TenantCommands()).addSubcommand(new CreateTenant(kredo));
		CommandLine events = new CommandLine(new EventCommands())
			.addSubcommand(new EventCommands.Import(kredo))
			.addSubcommand(new EventCommands.Simulate());
		CommandLine operator = new CommandLine(new PlatformCommands.Operator())
			.addSubcommand(new PlatformCommands.CreateOperator(kredo));
		CommandLine feedKey = new CommandLine(new PlatformCommands.FeedKey())
			.addSubcommand(new PlatformCommands.IssueFeedKey(kredo));
		java.io.PrintStream stdout = System.out;
		CommandLine user = new CommandLine(new PlatformCommands.UserCommands())
			.addSubcommand(new PlatformCommands.PasswordLink(kredo));
		CommandLine line = new CommandLine(new KredoCommandLine()).addSubcommand(tenant).addSubcommand(events)
			.addSubcommand(operator).addSubcommand(feedKey).addSubcommand(user);
		line.setOut(new PrintWriter(new java.io.OutputStreamWriter(stdout, java.nio.charset.StandardCharsets.UTF_8), true));
		System.setOut(System.err);
		try {
			return line.execute(command.toArray(String[]::new));
		}
		finally {
			System.setOut(stdout);
		}
	}

	/** How a command starts Kredo: the application class and the Spring settings given on the command line. */
	record Launcher(Class<?> application, String[] settings) {

		/** Kredo without the web server and the demo, quiet, against the configured database. */
		ConfigurableApplicationContext start() {
			SpringApplication kredo = new SpringApplication(application);
			kredo.setWebApplicationType(WebApplicationType.NONE);
			// A command never consumes the events topic (it publishes to it, with Kafka configured): that is the nodes' work.
			kredo.setDefaultProperties(Map.of("kredo.demo", "false", "spring.main.banner-mode", "off",
					"logging.level.root", "warn", "kredo.events.kafka.consume", "false"));
			return kredo.run(settings);
		}
	}

	@Command(name = "tenant", description = "Manage tenants.")
	static final class TenantCommands {
	}

	@Command(name = "create", mixinStandardHelpOptions = true,
			description = "Create a tenant with its first admin and print a new API key.")
	static final class CreateTenant implements Callable<Integer> {

		private final Launcher kredo;

		@Option(names = "--name", required = true, description = "The tenant's name, e.g. \"ООО Ромашка\".")
		String name;

		@Option(names = "--kind", required = true, description = "BROKER or COLLECTOR.")
		TenantKind kind;

		@Option(names = "--sandbox", description = "A sandbox tenant, for good: its admin may move its clock forward "
				+ "(docs/sandbox.md). Never for a real customer.")
		boolean sandbox;

		@Option(names = "--admin-email", required = true, description = "The first admin's login.")
		String adminEmail;

		@Option(names = "--admin-name", required = true, description = "The first admin's name.")
		String adminName;

		@Option(names = "--admin-password", description = "The admin's password; generated and printed if omitted. "
				+ "Also read from KREDO_ADMIN_PASSWORD.", defaultValue = "${env:KREDO_ADMIN_PASSWORD}")
		String adminPassword;

		@CommandLine.Spec
		CommandLine.Model.CommandSpec spec;

		CreateTenant(Launcher kredo) {
			this.kredo = kredo;
		}

		@Override
		public Integer call() {
			return PlatformCommands.refusalsExplained(kredo, spec, context -> {
				TenantProvisioning.Provisioned result = context.getBean(TenantProvisioning.class)
					.provision(name, kind, sandbox, adminEmail, adminName, adminPassword, AuditActor.COMMAND_LINE);
				PrintWriter out = spec.commandLine().getOut();
				out.println("tenant.id=" + result.tenant().id());
				out.println("tenant.name=" + result.tenant().name());
				out.println("tenant.kind=" + result.tenant().kind());
				if (sandbox) {
					out.println("tenant.sandbox=true");
				}
				out.println("admin.email=" + result.admin().email());
				if (result.generatedPassword() != null) {
					out.println("admin.password=" + result.generatedPassword());
				}
				out.println("api-key=" + result.apiKey().secret());
				return 0;
			});
		}
	}
}
