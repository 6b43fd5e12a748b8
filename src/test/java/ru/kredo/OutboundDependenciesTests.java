package ru.kredo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSender;

import jakarta.mail.Transport;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Nothing reaches a debtor around the contact gate (issue 14, docs/contact-rules.md): no class outside the
 * {@code contacting} module depends on an SMS gateway (a class of Kredo's whose name says SMS gateway) or on
 * a mail sender (Spring's, or Jakarta Mail's own {@code Transport}). The staff's own mail is allowed by name, each with its reason: it goes to the agency's people, never
 * to a debtor.
 */
class OutboundDependenciesTests {

	/** Classes allowed to mail, and why: none of them writes to a debtor. */
	static final Map<String, String> STAFF_MAILERS = Map.of(
			"ru.kredo.digests.SignalDigests", "the morning digest of signals, to the tenant's own staff",
			"ru.kredo.accounts.PasswordLinks", "a staff member's link to set his password");

	@Test
	void onlyTheGateSendsTextsOrMailsADebtor() {
		JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("ru.kredo");
		assertThat(main.stream().filter(c -> c.getName().equals("ru.kredo.contacting.Contacting"))).as("the gate")
			.hasSize(1);
		assertThat(sendingAround(main)).isEmpty();
	}

	/** The check finds what it is for: a class outside the module taking the SMS gateway or a mail sender. */
	@Test
	void theCheckReportsAClassThatSendsAroundTheGate() {
		JavaClasses sample = new ClassFileImporter().importClasses(Texter.class, Mailer.class, RawMailer.class);
		assertThat(sendingAround(sample)).containsExactlyInAnyOrder(
				Texter.class.getName() + " -> ru.kredo.contacting.internal.SmsGateway",
				Mailer.class.getName() + " -> " + MailSender.class.getName(),
				RawMailer.class.getName() + " -> " + Transport.class.getName());
	}

	static List<String> sendingAround(JavaClasses classes) {
		TreeSet<String> found = new TreeSet<>();
		for (JavaClass type : classes) {
			if (type.getPackageName().startsWith("ru.kredo.contacting") || STAFF_MAILERS.containsKey(outer(type))) {
				continue;
			}
			for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
				JavaClass target = dependency.getTargetClass();
				if (isSmsGateway(target) || target.isAssignableTo(MailSender.class)
						|| target.isAssignableTo(Transport.class)) {
					found.add(type.getName() + " -> " + target.getName());
				}
			}
		}
		return List.copyOf(found);
	}

	/** The gateway and its adapters: a class of Kredo's whose name says SMS gateway, wherever it lives. */
	private static boolean isSmsGateway(JavaClass target) {
		return target.getPackageName().startsWith("ru.kredo") && target.getSimpleName().contains("Sms")
				&& target.getSimpleName().contains("Gateway");
	}

	private static String outer(JavaClass type) {
		String name = type.getName();
		int nested = name.indexOf('$');
		return nested < 0 ? name : name.substring(0, nested);
	}

	static class Texter {

		private final ru.kredo.contacting.internal.SmsGateway sms;

		Texter(ru.kredo.contacting.internal.SmsGateway sms) {
			this.sms = sms;
		}
	}

	static class Mailer {

		private final MailSender mail;

		Mailer(MailSender mail) {
			this.mail = mail;
		}
	}

	static class RawMailer {

		void send(jakarta.mail.Message message) throws jakarta.mail.MessagingException {
			Transport.send(message);
		}
	}
}
