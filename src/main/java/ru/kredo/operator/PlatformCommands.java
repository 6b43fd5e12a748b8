package ru.kredo.operator;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import ru.kredo.apikeys.IssuedApiKey;
import ru.kredo.audit.AuditActor;
import ru.kredo.platform.Rejected;

/** {@code operator create …} and {@code feed-key issue …}: the platform's people and feed keys without the demo. */
final class PlatformCommands {

	private PlatformCommands() {
	}

	@Command(name = "operator", description = "The platform's operators.")
	static final class Operator {
	}

	@Command(name = "feed-key", description = "API keys of bureau feeds (they push /api/v1/events).")
	static final class FeedKey {
	}

	@Command(name = "create", mixinStandardHelpOptions = true,
			description = "Create a platform operator (creates tenants, uploads bureau files, issues feed keys).")
	static final class CreateOperator implements Callable<Integer> {

		private final KredoCommandLine.Launcher kredo;

		@Option(names = "--email", required = true, description = "The operator's login.")
		String email;

		@Option(names = "--name", required = true, description = "The operator's name.")
		String name;

		@Option(names = "--password", description = "The password; generated and printed if omitted. "
				+ "Also read from KREDO_OPERATOR_PASSWORD.", defaultValue = "${env:KREDO_OPERATOR_PASSWORD}")
		String password;

		@CommandLine.Spec
		CommandLine.Model.CommandSpec spec;

		CreateOperator(KredoCommandLine.Launcher kredo) {
			this.kredo = kredo;
		}

		@Override
		public Integer call() {
			return refusalsExplained(kredo, spec, context -> {
				PlatformAccess.CreatedOperator created = context.getBean(PlatformAccess.class)
					.createOperator(email, name, password, AuditActor.COMMAND_LINE);
				PrintWriter out = spec.commandLine().getOut();
				out.println("operator.email=" + created.operator().email());
				if (created.generatedPassword() != null) {
					out.println("operator.password=" + created.generatedPassword());
				}
				return 0;
			});
		}
	}

	@Command(name = "issue", mixinStandardHelpOptions = true,
			description = "Issue an API key for a bureau feed and print it (shown this once).")
	static final class IssueFeedKey implements Callable<Integer> {

		private final KredoCommandLine.Launcher kredo;

		@Option(names = "--name", required = true, description = "Whose feed, e.g. \"НБКИ\".")
		String name;

		@CommandLine.Spec
		CommandLine.Model.CommandSpec spec;

		IssueFeedKey(KredoCommandLine.Launcher kredo) {
			this.kredo = kredo;
		}

		@Override
		public Integer call() {
			return refusalsExplained(kredo, spec, context -> {
				IssuedApiKey key = context.getBean(PlatformAccess.class).issueFeedKey(name, AuditActor.COMMAND_LINE);
				spec.commandLine().getOut().println("api-key=" + key.secret());
				return 0;
			});
		}
	}

	@Command(name = "user", description = "A tenant's users.")
	static final class UserCommands {
	}

	/**
	 * The platform operator's password reset, the one way to reset an admin's password (a tenant's admin resets only
	 * managers': docs/staff-access.md). Prints the one-time link for the operator to pass on.
	 */
	@Command(name = "password-link", mixinStandardHelpOptions = true,
			description = "Issue a one-time link that sets a new password for the user with this login (an admin's too).")
	static final class PasswordLink implements Callable<Integer> {

		private final KredoCommandLine.Launcher kredo;

		@Option(names = "--email", required = true, description = "The user's login.")
		String email;

		@CommandLine.Spec
		CommandLine.Model.CommandSpec spec;

		PasswordLink(KredoCommandLine.Launcher kredo) {
			this.kredo = kredo;
		}

		@Override
		public Integer call() {
			return refusalsExplained(kredo, spec, context -> {
				ru.kredo.accounts.PasswordLinks.IssuedLink link = context.getBean(ru.kredo.accounts.PasswordLinks.class)
					.resetByOperator(email);
				context.getBean(ru.kredo.audit.AuditLog.class).record(link.user().tenantId(), AuditActor.COMMAND_LINE,
						ru.kredo.audit.AuditAction.USER_CHANGED, "user", link.user().id().value(), "password-reset-link");
				PrintWriter out = spec.commandLine().getOut();
				out.println("password-link=" + link.address());
				out.println("expires-at=" + link.expiresAt());
				return 0;
			});
		}
	}

	/** Runs {@code command} in a started Kredo; a refusal is explained in Russian on standard error, exit code 2. */
	static int refusalsExplained(KredoCommandLine.Launcher kredo, CommandLine.Model.CommandSpec spec,
			Function<ConfigurableApplicationContext, Integer> command) {
		try (ConfigurableApplicationContext context = kredo.start()) {
			try {
				return command.apply(context);
			}
			catch (Rejected rejected) {
				PrintWriter err = spec.commandLine().getErr();
				err.println(context.getMessage("error." + rejected.code(), rejected.arguments(), rejected.code(),
						Locale.forLanguageTag("ru")));
				err.flush();
				return 2;
			}
			finally {
				spec.commandLine().getOut().flush();
			}
		}
	}
}
