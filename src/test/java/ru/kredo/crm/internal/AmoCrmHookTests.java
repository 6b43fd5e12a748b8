package ru.kredo.crm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What Kredo takes from amoCRM's form-encoded webhook: ids of changed tasks and of leads whose status changed. */
class AmoCrmHookTests {

	@Test
	void takesTheIdsOfChangedTasksAndOfLeadsWhoseStatusChangedAndNothingElse() {
		Map<String, String[]> form = new LinkedHashMap<>();
		form.put("task[update][0][id]", new String[] { "9000001" });
		form.put("task[update][0][text]", new String[] { "Связаться" });
		form.put("task[update][1][id]", new String[] { "9000002" });
		form.put("leads[status][0][id]", new String[] { "17" });
		form.put("leads[status][0][status_id]", new String[] { "142" });
		form.put("leads[add][0][id]", new String[] { "18" });
		form.put("contacts[update][0][id]", new String[] { "19" });
		form.put("account[id]", new String[] { "28805383" });

		AmoCrmHook hook = AmoCrmHook.of(form);

		assertThat(hook.tasks()).containsExactlyInAnyOrder(9000001L, 9000002L);
		assertThat(hook.leads()).containsExactly(17L);
	}

	@Test
	void ignoresWhatIsNotAnIdAndTakesAtMostAHundredOfEach() {
		Map<String, String[]> form = new LinkedHashMap<>();
		form.put("task[update][0][id]", new String[] { "-1" });
		form.put("task[update][1][id]", new String[] { "1 or 1=1" });
		form.put("task[update][2][id]", new String[] { "99999999999999999999999" });
		form.put("task[update][99999][id]", new String[] { "5" });
		assertThat(AmoCrmHook.of(form).isEmpty()).isTrue();

		Map<String, String[]> many = new LinkedHashMap<>();
		for (int i = 0; i < 500; i++) {
			many.put("task[update][" + i + "][id]", new String[] { String.valueOf(1000 + i) });
		}
		assertThat(AmoCrmHook.of(many).tasks()).hasSize(AmoCrmHook.MAX_IDS);
	}
}
