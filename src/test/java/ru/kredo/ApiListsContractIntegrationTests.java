package ru.kredo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.jayway.jsonpath.JsonPath;

import ru.kredo.contacts.Contact;
import ru.kredo.contacts.FullName;
import ru.kredo.monitoring.Consent;
import ru.kredo.monitoring.ConsentMethod;
import ru.kredo.contacts.PersonDetails;
import ru.kredo.monitoring.Segment;
import ru.kredo.monitoring.Watch;
import ru.kredo.monitoring.WatchTerms;
import ru.kredo.monitoring.Watches;
import ru.kredo.operator.TenantProvisioning.Provisioned;
import ru.kredo.platform.ApiList;
import ru.kredo.tenancy.TenantKind;

/**
 * Issue 15, «Lists»: every list of {@code /api/v1} answers an object — {@code items}, {@code total},
 * {@code totalIsEstimate}, {@code nextCursor} — never a bare array ({@code docs/api-lists.md}). Walks the handler
 * mappings, so a list endpoint added later without the envelope fails here.
 */
@IntegrationTest
class ApiListsContractIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Watches watches;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private List<String> apiGets(java.util.function.BiPredicate<String, HandlerMethod> keep) {
		List<String> found = new ArrayList<>();
		mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				return;
			}
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/v1/") && keep.test(pattern, handler)) {
					found.add(pattern + " " + handler.getMethod().getDeclaringClass().getSimpleName() + "."
							+ handler.getMethod().getName());
				}
			}
		});
		return found;
	}

	private static boolean answersBareList(Method method) {
		Class<?> type = method.getReturnType();
		if (HttpEntity.class.isAssignableFrom(type)) {
			var generic = method.getGenericReturnType();
			if (generic instanceof java.lang.reflect.ParameterizedType parameterized) {
				var body = parameterized.getActualTypeArguments()[0];
				Class<?> raw = body instanceof java.lang.reflect.ParameterizedType p ? (Class<?>) p.getRawType()
						: body instanceof Class<?> c ? c : Object.class;
				// A file's bytes (an attachment, a PDF) are a body, not a list.
				return Collection.class.isAssignableFrom(raw) || raw.isArray() && raw != byte[].class;
			}
		}
		return Collection.class.isAssignableFrom(type) || type.isArray() && type != byte[].class
				|| Iterable.class.isAssignableFrom(type);
	}

	@Test
	void noApiEndpointAnswersABareArray() {
		List<String> bare = apiGets((pattern, handler) -> answersBareList(handler.getMethod()));
		assertThat(bare).as("GET endpoints of /api/v1 answering a bare JSON array; answer ApiList instead").isEmpty();
		// The walk sees the lists it is meant to see.
		List<String> lists = apiGets((pattern, handler) -> handler.getMethod().getReturnType() == ApiList.class);
		assertThat(String.join("\n", lists)).contains("/api/v1/watches ", "/api/v1/contacts ", "/api/v1/users ",
				"/api/v1/api-keys ", "/api/v1/lists ", "/api/v1/plans ", "/api/v1/disputes ", "/api/v1/conversations ",
				"/api/v1/document-requests ", "/api/v1/promises ", "/api/v1/debtors/{id}/contact-log ",
				"/api/v1/debtors/{contactId}/debts ", "/api/v1/debtors/{id}/phones ", "/api/v1/signals/priorities ",
				"/api/v1/webhook-endpoints/event-types ", "/api/v1/statements ", "/api/v1/offers ");
	}

	@Test
	void everyListWithoutAnIdAnswersTheEnvelope() throws Exception {
		Provisioned agency = fixtures.tenant(TenantKind.COLLECTOR);
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		Contact debtor = fixtures.contact(agency);
		List<String> checked = new ArrayList<>();
		List<String> wrong = new ArrayList<>();
		for (String line : apiGets((pattern, handler) -> true)) {
			String pattern = line.substring(0, line.indexOf(' '));
			String path = pattern.replace("{id}", debtor.id().value().toString())
				.replace("{contactId}", debtor.id().value().toString());
			if (path.contains("{")) {
				continue; // one object by its id: not a list
			}
			for (Provisioned tenant : List.of(agency, broker)) {
				var response = mvc.perform(get(path).header("Authorization", "Bearer " + tenant.apiKey().secret()))
					.andReturn()
					.getResponse();
				String type = String.valueOf(response.getContentType());
				if (response.getStatus() != 200 || !type.startsWith("application/json")) {
					continue;
				}
				String body = response.getContentAsString().strip();
				checked.add(path);
				if (body.startsWith("[")) {
					wrong.add(path + " answers a bare array");
				}
				else if (line.contains(" ") && isList(body) && !hasEnvelope(body)) {
					wrong.add(path + " answers items without total or nextCursor: " + body);
				}
			}
		}
		assertThat(checked).contains("/api/v1/watches", "/api/v1/contacts", "/api/v1/users", "/api/v1/api-keys",
				"/api/v1/lists", "/api/v1/debts", "/api/v1/disputes", "/api/v1/conversations", "/api/v1/promises",
				"/api/v1/signals", "/api/v1/webhook-endpoints", "/api/v1/statements", "/api/v1/offers",
				"/api/v1/debtors/" + debtor.id().value() + "/contact-log");
		assertThat(wrong).isEmpty();
	}

	/** Walks a list by cursor, {@code limit} rows a page: the ids in the order given, and each page's total. */
	private List<String> walk(Provisioned tenant, String path, int limit, List<Long> totals, int[] pages)
			throws Exception {
		List<String> ids = new ArrayList<>();
		String cursor = null;
		do {
			var request = get(path).param("limit", String.valueOf(limit))
				.header("Authorization", "Bearer " + tenant.apiKey().secret());
			if (cursor != null) {
				request.param("cursor", cursor);
			}
			String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			ids.addAll(JsonPath.<List<String>>read(body, "$.items[*].id"));
			totals.add(((Number) JsonPath.read(body, "$.total")).longValue());
			cursor = JsonPath.read(body, "$.nextCursor");
			pages[0]++;
		}
		while (cursor != null && pages[0] < 20);
		return ids;
	}

	@Test
	void threePagesByCursorGiveEveryRowOnceInOrderWithTheTotal() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		String[] names = { "Петров", "Алексеев", "Яковлев", "Борисов", "Сидоров", "Андреев", "Волков" };
		List<String> contactIds = new ArrayList<>();
		List<String> watchIds = new ArrayList<>();
		for (int i = 0; i < names.length; i++) {
			Watch watch = watches.watch(broker.tenant().id(), new PersonDetails(new FullName(names[i], "Иван", null),
					LocalDate.of(1970, 1, 1).plusDays(i), null, null, null, null, null),
					WatchTerms.of(Segment.PROSPECT, new Consent(watches.today(), "Подбор кредита", ConsentMethod.PAPER,
							null, null)));
			watchIds.add(watch.id().value().toString());
			contactIds.add(watch.contactId().value().toString());
		}
		for (int i = 0; i < 6; i++) {
			fixtures.manager(broker);
		}
		// Added in this order, so the cursor's order (when added, then id) is this one — not the names' order.
		for (var list : List.of(List.of("/api/v1/watches", watchIds), List.of("/api/v1/contacts", contactIds))) {
			List<Long> totals = new ArrayList<>();
			int[] pages = { 0 };
			@SuppressWarnings("unchecked")
			List<String> expected = (List<String>) list.get(1);
			assertThat(walk(broker, (String) list.get(0), 3, totals, pages)).as((String) list.get(0))
				.containsExactlyElementsOf(expected);
			assertThat(pages[0]).isEqualTo(3);
			assertThat(totals).containsOnly(7L);
		}
		List<Long> totals = new ArrayList<>();
		int[] pages = { 0 };
		List<String> users = walk(broker, "/api/v1/users", 3, totals, pages);
		assertThat(users).hasSize(7).doesNotHaveDuplicates();
		assertThat(pages[0]).isEqualTo(3);
		assertThat(totals).containsOnly(7L);
	}

	@Test
	void aCursorNotGivenAndAnOffsetWhereTheOrderChangedAreRefusedNamingTheCursor() throws Exception {
		Provisioned broker = fixtures.tenant(TenantKind.BROKER);
		String key = "Bearer " + broker.apiKey().secret();
		mvc.perform(get("/api/v1/watches").param("cursor", "garbage").header("Authorization", key))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("request.cursor-invalid"));
		mvc.perform(get("/api/v1/contacts").param("offset", "100").header("Authorization", key))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("request.offset-replaced"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nextCursor")));
		mvc.perform(get("/api/v1/users").param("cursor", "cG9zaXRpb246Mw").header("Authorization", key))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("request.cursor-invalid"));
	}

	private static boolean isList(String body) {
		return body.startsWith("{") && body.contains("\"items\"");
	}

	private static boolean hasEnvelope(String body) {
		var json = JsonPath.parse(body);
		java.util.Map<String, Object> root = json.read("$");
		return root.get("items") instanceof List<?> && root.get("total") instanceof Number
				&& root.containsKey("nextCursor");
	}
}
