package ru.kredo.operator;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import ru.kredo.audit.AuditActor;
import ru.kredo.platform.Rejected;
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
 * {@code events import FILE} ingests a bureau file; {@code events simulate …} writes a simulated one.
 */
@Command(name = "kredo", mixinStandardHelpOptions = true,
		description = "Kredo's command line. Without a command, Kredo serves the web application.")
public final class KredoCommandLine {

	private static final java.util.Set<String> COMMANDS = java.util.Set.of("tenant", "events", "help", "--help", "-h");

	private KredoCommandLine() {
	}

	public static boolean isCommand(String[] args) {
		return args.length > 0 && COMMANDS.contains(args[0]);
	}

	/** Runs the command in {@code args} against a Kredo started from {@code application}; returns the exit code. */
	public static int run(Class<?> application, String[] args) {
		CommandLine tenant = new CommandLine(new TenantCommands()).addSubcommand(new CreateTenant(application));
		CommandLine events = new CommandLine(new EventCommands())
			.addSubcommand(new EventCommands.Import(application))
			.addSubcommand(new EventCommands.Simulate());
		return new CommandLine(new KredoCommandLine()).addSubcommand(tenant).addSubcommand(events).execute(args);
	}

	/** Kredo without the web server and the demo, quiet, against the configured database. */
	static ConfigurableApplicationContext start(Class<?> application) {
		SpringApplication kredo = new SpringApplication(application);
		kredo.setWebApplicationType(WebApplicationType.NONE);
		kredo.setDefaultProperties(Map.of("kredo.demo", "false", "spring.main.banner-mode", "off",
				"logging.level.root", "warn"));
		return kredo.run();
	}

	@Command(name = "tenant", description = "Manage tenants.")
	static final class TenantCommands {
	}

	@Command(name = "create", mixinStandardHelpOptions = true,
			description = "Create a tenant with its first admin and print a new API key.")
	static final class CreateTenant implements Callable<Integer> {

		private final Class<?> application;

		@Option(names = "--name", required = true, description = "The tenant's name, e.g. \"ООО Ромашка\".")
		String name;

		@Option(names = "--kind", required = true, description = "BROKER or COLLECTOR.")
		TenantKind kind;

		@Option(names = "--admin-email", required = true, description = "The first admin's login.")
		String adminEmail;

		@Option(names = "--admin-name", required = true, description = "The first admin's name.")
		String adminName;

		@Option(names = "--admin-password", description = "The admin's password; generated and printed if omitted. "
				+ "Also read from KREDO_ADMIN_PASSWORD.", defaultValue = "${env:KREDO_ADMIN_PASSWORD}")
		String adminPassword;

		@CommandLine.Spec
		CommandLine.Model.CommandSpec spec;

		CreateTenant(Class<?> application) {
			this.application = application;
		}

		@Override
		public Integer call() {
			PrintWriter out = spec.commandLine().getOut();
			PrintWriter err = spec.commandLine().getErr();
			try (ConfigurableApplicationContext context = start(application)) {
				try {
					TenantProvisioning.Provisioned result = context.getBean(TenantProvisioning.class)
						.provision(name, kind, adminEmail, adminName, adminPassword, AuditActor.COMMAND_LINE);
					out.println("tenant.id=" + result.tenant().id());
					out.println("tenant.name=" + result.tenant().name());
					out.println("tenant.kind=" + result.tenant().kind());
					out.println("admin.email=" + result.admin().email());
					if (result.generatedPassword() != null) {
						out.println("admin.password=" + result.generatedPassword());
					}
					out.println("api-key=" + result.apiKey().secret());
					out.flush();
					return 0;
				}
				catch (Rejected rejected) {
					err.println(context.getMessage("error." + rejected.code(), rejected.arguments(), rejected.code(),
							Locale.forLanguageTag("ru")));
					err.flush();
					return 2;
				}
			}
		}
	}
}
