package ru.kredo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * No controller reaches into another controller: what two pages share (the cabinet's agency, its signed-in debtor, a
 * visitor's cookie…) is a component or an argument of its own, not a field of one controller that another injects.
 * Checked on every {@code @Controller} and {@code @RestController} class in {@code ru.kredo}: no field and no
 * constructor parameter whose type is a controller.
 */
class ControllerDependenciesTests {

	@Test
	void noControllerHasAControllerAsAFieldOrConstructorParameter() {
		JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("ru.kredo");
		assertThat(main.stream().filter(ControllerDependenciesTests::isController)).as("the controllers found")
			.hasSizeGreaterThan(30);
		assertThat(controllersInjectingControllers(main)).isEmpty();
	}

	/** The check itself finds what it is for: a controller taking another in its constructor and keeping it. */
	@Test
	void theCheckReportsAControllerThatInjectsAnother() {
		JavaClasses sample = new ClassFileImporter().importClasses(Door.class, Home.class, Api.class);
		assertThat(controllersInjectingControllers(sample)).containsExactlyInAnyOrder(
				Home.class.getName() + ".door: " + Door.class.getName(),
				Home.class.getName() + "(…" + Door.class.getName() + "…)",
				Api.class.getName() + "(…" + Home.class.getName() + "…)");
	}

	static List<String> controllersInjectingControllers(JavaClasses classes) {
		List<String> found = new ArrayList<>();
		for (JavaClass controller : classes) {
			if (!isController(controller)) {
				continue;
			}
			for (JavaField field : controller.getFields()) {
				if (isController(field.getRawType())) {
					found.add(controller.getName() + "." + field.getName() + ": " + field.getRawType().getName());
				}
			}
			for (JavaConstructor constructor : controller.getConstructors()) {
				constructor.getRawParameterTypes().stream().filter(ControllerDependenciesTests::isController)
					.forEach(type -> found.add(controller.getName() + "(…" + type.getName() + "…)"));
			}
		}
		return found;
	}

	private static boolean isController(JavaClass type) {
		return type.isMetaAnnotatedWith(Controller.class) || type.isAnnotatedWith(Controller.class)
				|| type.isAnnotatedWith(RestController.class);
	}

	@Controller
	static class Door {
	}

	@Controller
	static class Home {

		private final Door door;

		Home(Door door) {
			this.door = door;
		}

		Door door() {
			return door;
		}
	}

	@RestController
	static class Api {

		Api(Home home) {
			home.door();
		}
	}
}
