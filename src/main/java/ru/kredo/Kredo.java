package ru.kredo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

import ru.kredo.operator.KredoCommandLine;

/**
 * Kredo: credit-monitoring signals for brokers and collectors, and the debtor's cabinet.
 * <p>
 * {@code java -jar kredo.jar} serves the web application; {@code java -jar kredo.jar tenant create …} and the other
 * commands of {@link KredoCommandLine} run once against the same database and exit.
 */
@Modulithic(sharedModules = { "platform", "money", "calendar" })
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class Kredo {

	public static void main(String[] args) {
		if (KredoCommandLine.isCommand(args)) {
			System.exit(KredoCommandLine.run(Kredo.class, args));
		}
		SpringApplication.run(Kredo.class, args);
	}
}
