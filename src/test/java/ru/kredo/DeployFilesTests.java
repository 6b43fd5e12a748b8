package ru.kredo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The ways to run Kredo on several nodes say the same (docs/scaling.md, «Deploy»): {@code scripts/cluster} on one
 * machine, {@code deploy/compose.yaml} and {@code deploy/k8s/*.yaml}. None of them can run in the suite (no container
 * engine, and the script starts a whole cluster), so this checks the files: they parse, the nodes of each get the
 * same settings by name (an environment variable, or a secret file read through configtree, named after its setting)
 * with the same values where they must not differ, the probes and health checks are on the actuator, and the two
 * HAProxy configurations balance alike.
 */
class DeployFilesTests {

	private static final Path SCRIPT = Path.of("scripts/cluster");
	private static final Path COMPOSE = Path.of("deploy/compose.yaml");
	private static final Path K8S = Path.of("deploy/k8s");
	private static final Path HAPROXY = Path.of("deploy/haproxy.cfg");

	/** The values every node must be given alike, wherever it runs. */
	private static final Map<String, String> SAME_EVERYWHERE = Map.of("KREDO_DEMO", "false", "KREDO_SESSIONS_STORE",
			"database", "KREDO_EVENTS_KAFKA_TOPIC", "kredo.credit-events");

	@Test
	void theComposeFileAndTheManifestsAreYaml() throws IOException {
		Map<String, Object> compose = compose();
		assertThat(map(compose.get("services"))).containsKeys("postgres", "kafka", "kredo", "haproxy");
		List<Path> manifests = manifests();
		assertThat(manifests).extracting(p -> p.getFileName().toString())
			.contains("kredo.yaml", "postgres.yaml", "kafka.yaml");
		for (Path manifest : manifests) {
			List<Map<String, Object>> objects = objects(manifest);
			assertThat(objects).as(manifest.toString()).isNotEmpty();
			for (Map<String, Object> object : objects) {
				assertThat(object).as(manifest.toString()).containsKeys("apiVersion", "kind", "metadata");
				assertThat(map(object.get("metadata"))).as(manifest.toString()).containsKey("name");
			}
		}
	}

	@Test
	void everyNodeGetsTheSameSettingsFromTheScriptComposeAndKubernetes() throws IOException {
		Map<String, String> script = scriptSettings();
		Map<String, String> compose = composeSettings();
		Map<String, String> kubernetes = kubernetesSettings();

		assertThat(script).as("scripts/cluster's node settings").containsKeys("SPRING_DATASOURCE_URL",
				"SPRING_DATASOURCE_PASSWORD", "KREDO_CRYPTO_ENCRYPTION_KEY", "KREDO_CRYPTO_INDEX_KEY",
				"SPRING_KAFKA_BOOTSTRAP_SERVERS", "KREDO_TRUSTED_PROXIES", "KREDO_SESSIONS_STORE", "KREDO_DEMO");
		assertThat(new TreeSet<>(compose.keySet())).as("deploy/compose.yaml's kredo service against scripts/cluster")
			.isEqualTo(new TreeSet<>(script.keySet()));
		assertThat(new TreeSet<>(kubernetes.keySet())).as("deploy/k8s/kredo.yaml's Deployment against scripts/cluster")
			.isEqualTo(new TreeSet<>(script.keySet()));
		for (Map<String, String> settings : List.of(script, compose, kubernetes)) {
			SAME_EVERYWHERE.forEach((name, value) -> assertThat(settings.get(name)).as(name).isEqualTo(value));
		}
		assertThat(SAME_EVERYWHERE.get("KREDO_EVENTS_KAFKA_TOPIC")).as("application.yml's topic")
			.isEqualTo(applicationYml("kredo", "events", "kafka", "topic"));
	}

	@Test
	void theSecretsAreFilesWhereConfigtreeReadsThem() throws IOException {
		// Compose mounts a service's secrets under /run/secrets/, each named by its target (or its source).
		Map<String, Object> kredo = map(map(compose().get("services")).get("kredo"));
		assertThat(string(map(kredo.get("environment")).get("SPRING_CONFIG_IMPORT")))
			.isEqualTo("configtree:/run/secrets/");
		Map<String, Object> declared = map(compose().get("secrets"));
		for (String secret : composeSecretNames(kredo)) {
			assertThat(declared).as("the secret %s is declared", secret).containsKey(secret);
		}
		// Kubernetes: the Secret's keys, as files, in the directory configtree reads.
		Map<String, Object> container = kredoContainer();
		String tree = envValue(container, "SPRING_CONFIG_IMPORT").orElseThrow().replaceFirst("^configtree:", "");
		List<String> mounted = new ArrayList<>();
		for (Object mount : list(container.get("volumeMounts"))) {
			Map<String, Object> m = map(mount);
			if ((string(m.get("mountPath")) + "/").equals(tree)) {
				mounted.add(string(m.get("name")));
			}
		}
		assertThat(mounted).as("a volume mounted at %s", tree).hasSize(1);
		Map<String, Object> volume = volume(mounted.getFirst());
		assertThat(volume).containsKey("secret");
		// The crypto keys and the password are secrets everywhere, never a plain variable.
		assertThat(envNames(container)).doesNotContain("KREDO_CRYPTO_ENCRYPTION_KEY", "KREDO_CRYPTO_INDEX_KEY",
				"SPRING_DATASOURCE_PASSWORD");
		assertThat(map(kredo.get("environment"))).doesNotContainKeys("KREDO_CRYPTO_ENCRYPTION_KEY",
				"KREDO_CRYPTO_INDEX_KEY", "SPRING_DATASOURCE_PASSWORD");
		assertThat(scriptText()).doesNotContainPattern("(?m)^\\s*(KREDO_CRYPTO_|SPRING_DATASOURCE_PASSWORD)\\w*=");
	}

	@Test
	void probesAndHealthChecksAskTheActuator() throws IOException {
		Map<String, Object> deployment = kredoDeployment();
		assertThat(((Number) map(deployment.get("spec")).get("replicas")).intValue()).isGreaterThanOrEqualTo(2);
		Map<String, Object> container = kredoContainer();
		assertThat(probePath(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
		assertThat(probePath(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
		Map<String, Object> service = objects(K8S.resolve("kredo.yaml")).stream()
			.filter(o -> o.get("kind").equals("Service")).findFirst().orElseThrow();
		assertThat(string(map(service.get("spec")).get("sessionAffinity"))).as("no sticky sessions")
			.isIn("null", "None");

		Map<String, Object> kredo = map(map(compose().get("services")).get("kredo"));
		assertThat(String.valueOf(map(kredo.get("healthcheck")).get("test"))).contains("/actuator/health/readiness");
		assertThat(((Number) map(kredo.get("deploy")).get("replicas")).intValue()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void bothBalancersBalanceAlike() throws IOException {
		String script = scriptText();
		String compose = Files.readString(HAPROXY, StandardCharsets.UTF_8);
		for (String line : List.of("balance roundrobin", "option httpchk GET /actuator/health/readiness",
				"http-check expect status 200", "option forwardfor", "http-request del-header X-Forwarded-For",
				"http-request set-header X-Forwarded-Proto", "retries 3", "option redispatch 1",
				"option http-server-close", "timeout http-request 10s")) {
			assertThat(script).as("scripts/cluster's HAProxy").contains(line);
			assertThat(compose).as("deploy/haproxy.cfg").contains(line);
		}
		for (String text : List.of(script, compose)) {
			assertThat(text).as("no sticky sessions").doesNotContainPattern("(?m)^\\s*(cookie|stick-table|stick on|balance source)");
		}
		// The nodes trust the balancer's address, and only it.
		Map<String, Object> services = map(compose().get("services"));
		String balancer = string(map(map(map(services.get("haproxy")).get("networks")).get("default")).get("ipv4_address"));
		assertThat(composeSettings().get("KREDO_TRUSTED_PROXIES")).isEqualTo(balancer);
		assertThat(scriptSettings().get("KREDO_TRUSTED_PROXIES")).isEqualTo("127.0.0.1");
	}

	@Test
	void oneKafkaVersionEverywhere() throws IOException {
		Matcher script = Pattern.compile("(?m)^kafka_version=(\\S+)$").matcher(scriptText());
		assertThat(script.find()).isTrue();
		String version = script.group(1);
		assertThat(Files.readString(Path.of("scripts/kafka/pom.xml"))).contains("<artifactId>kafka_2.13</artifactId>\n"
				+ "            <version>" + version + "</version>");
		assertThat(string(map(map(compose().get("services")).get("kafka")).get("image"))).isEqualTo("apache/kafka:" + version);
		assertThat(Files.readString(K8S.resolve("kafka.yaml"))).contains("image: apache/kafka:" + version);
	}

	@Test
	void theScriptIsBash() throws Exception {
		Process bash = new ProcessBuilder("bash", "-n", SCRIPT.toString()).redirectErrorStream(true).start();
		String said = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(bash.exitValue()).as(said).isZero();
		assertThat(Files.isExecutable(SCRIPT)).isTrue();
	}

	// --- The settings each gives its nodes: NAME -> value, a secret file as its setting's variable -----------------

	/** scripts/cluster: the lines NAME=value of its «node settings» block, and its node_secrets=(…). */
	static Map<String, String> scriptSettings() throws IOException {
		String text = scriptText();
		int from = text.indexOf("# >>> node settings");
		int to = text.indexOf("# <<< node settings");
		assertThat(from).as("scripts/cluster marks its node settings").isNotNegative();
		assertThat(to).isGreaterThan(from);
		String block = text.substring(from, to);
		Map<String, String> settings = new LinkedHashMap<>();
		Matcher line = Pattern.compile("(?m)^\\s*([A-Z][A-Z0-9_]*)=(.*)$").matcher(block);
		while (line.find()) {
			settings.put(line.group(1), line.group(2).strip());
		}
		Matcher secrets = Pattern.compile("(?m)^node_secrets=\\(([^)]*)\\)").matcher(block);
		assertThat(secrets.find()).as("scripts/cluster's node_secrets").isTrue();
		for (String secret : secrets.group(1).trim().split("\\s+")) {
			settings.put(variable(secret), "(secret)");
		}
		return settings;
	}

	static Map<String, String> composeSettings() throws IOException {
		Map<String, Object> kredo = map(map(compose().get("services")).get("kredo"));
		Map<String, String> settings = new LinkedHashMap<>();
		map(kredo.get("environment")).forEach((name, value) -> settings.put(name, string(value)));
		for (String secret : composeSecretTargets(kredo)) {
			settings.put(variable(secret), "(secret)");
		}
		return settings;
	}

	static Map<String, String> kubernetesSettings() throws IOException {
		Map<String, Object> container = kredoContainer();
		Map<String, String> settings = new LinkedHashMap<>();
		for (Object env : list(container.get("env"))) {
			Map<String, Object> e = map(env);
			settings.put(string(e.get("name")), e.containsKey("value") ? string(e.get("value")) : "(reference)");
		}
		String tree = settings.getOrDefault("SPRING_CONFIG_IMPORT", "").replaceFirst("^configtree:", "");
		for (Object mount : list(container.get("volumeMounts"))) {
			Map<String, Object> m = map(mount);
			if ((string(m.get("mountPath")) + "/").equals(tree)) {
				for (Object item : list(map(volume(string(m.get("name"))).get("secret")).get("items"))) {
					settings.put(variable(string(map(item).get("path"))), "(secret)");
				}
			}
		}
		return settings;
	}

	/** A setting's environment variable, as Spring Boot reads one: kredo.crypto.index-key → KREDO_CRYPTO_INDEX_KEY. */
	static String variable(String setting) {
		return setting.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
	}

	private static List<String> composeSecretNames(Map<String, Object> service) {
		List<String> names = new ArrayList<>();
		for (Object secret : list(service.get("secrets"))) {
			names.add(secret instanceof Map<?, ?> m ? string(m.get("source")) : string(secret));
		}
		return names;
	}

	private static List<String> composeSecretTargets(Map<String, Object> service) {
		List<String> names = new ArrayList<>();
		for (Object secret : list(service.get("secrets"))) {
			if (secret instanceof Map<?, ?> m) {
				names.add(string(m.get(m.containsKey("target") ? "target" : "source")));
			}
			else {
				names.add(string(secret));
			}
		}
		return names;
	}

	// --- Reading the files ------------------------------------------------------------------------------------------

	private static String scriptText() throws IOException {
		return Files.readString(SCRIPT, StandardCharsets.UTF_8);
	}

	private static Yaml yaml() {
		return new Yaml(new SafeConstructor(new LoaderOptions()));
	}

	private static Map<String, Object> compose() throws IOException {
		return map(yaml().load(Files.readString(COMPOSE, StandardCharsets.UTF_8)));
	}

	private static List<Path> manifests() throws IOException {
		try (Stream<Path> files = Files.list(K8S)) {
			return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
		}
	}

	private static List<Map<String, Object>> objects(Path manifest) throws IOException {
		List<Map<String, Object>> objects = new ArrayList<>();
		for (Object document : yaml().loadAll(Files.readString(manifest, StandardCharsets.UTF_8))) {
			if (document != null) {
				objects.add(map(document));
			}
		}
		return objects;
	}

	private static Map<String, Object> kredoDeployment() throws IOException {
		return objects(K8S.resolve("kredo.yaml")).stream()
			.filter(o -> o.get("kind").equals("Deployment") && map(o.get("metadata")).get("name").equals("kredo"))
			.findFirst().orElseThrow();
	}

	private static Map<String, Object> podSpec() throws IOException {
		return map(map(map(kredoDeployment().get("spec")).get("template")).get("spec"));
	}

	private static Map<String, Object> kredoContainer() throws IOException {
		return map(list(podSpec().get("containers")).getFirst());
	}

	private static Map<String, Object> volume(String name) throws IOException {
		return list(podSpec().get("volumes")).stream().map(DeployFilesTests::map)
			.filter(v -> name.equals(v.get("name"))).findFirst().orElseThrow();
	}

	private static java.util.Optional<String> envValue(Map<String, Object> container, String name) {
		return list(container.get("env")).stream().map(DeployFilesTests::map).filter(e -> name.equals(e.get("name")))
			.map(e -> string(e.get("value"))).findFirst();
	}

	private static Set<String> envNames(Map<String, Object> container) {
		Set<String> names = new TreeSet<>();
		list(container.get("env")).forEach(e -> names.add(string(map(e).get("name"))));
		return names;
	}

	private static String probePath(Map<String, Object> container, String probe) {
		return string(map(map(container.get(probe)).get("httpGet")).get("path"));
	}

	private static String applicationYml(String... path) throws IOException {
		Object node = yaml().load(Files.readString(Path.of("src/main/resources/application.yml"), StandardCharsets.UTF_8));
		for (String key : path) {
			node = map(node).get(key);
		}
		return string(node);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value) {
		assertThat(value).isInstanceOf(List.class);
		return (List<Object>) value;
	}

	private static String string(Object value) {
		return String.valueOf(value);
	}
}
