package ru.kredo.contacting;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The agency's texts to its debtors that it may word itself ({@code /contact-templates}), each with the placeholders
 * it may use and today's wording as its default. Every one names the agency and gives its phone (137-ФЗ): a template
 * without them is refused when it is saved ({@link ContactTemplates#save}). docs/contact-rules.md «Templates».
 */
public enum MessageTemplate {

	/** The agency answered in the chat he started. */
	CHAT_ANSWERED("chat.answered", Initiative.REPLY,
			"«{agency}» ответило вам в личном кабинете. Тел. {phone}. Чат: {link}"),
	/** The agency answered his document request. */
	DOCUMENT_REQUEST_ANSWERED("document-request.answered", Initiative.REPLY,
			"«{agency}» ответило на ваш запрос документа в личном кабинете. Тел. {phone}. Документы: {link}"),
	/** The agency answered his statement of ст. 8 230-ФЗ (a refusal, a representative): confirmed or declined it. */
	STATEMENT_ANSWERED("statement.answered", Initiative.REPLY,
			"«{agency}» ответило на ваше заявление о взаимодействии в личном кабинете. Тел. {phone}. Ответ: {link}"),
	/** An instalment of his plan falls due. */
	PLAN_INSTALMENT_DUE("plan.instalment-due", Initiative.COLLECTION,
			"«{agency}»: платёж по плану {amount} до {date}. Оплатить: {link} Тел. {phone}"),
	/** His plan fell behind. */
	PLAN_BEHIND("plan.behind", Initiative.COLLECTION,
			"«{agency}»: платёж по плану {amount} от {date} не поступил. Оплатите или измените график: {link} Тел. {phone}"),
	/** An invitation to the cabinet (with his personal link). */
	CABINET_INVITATION("cabinet.invitation", Initiative.COLLECTION,
			"«{agency}»: ваш долг можно погасить онлайн, без звонков, в личном кабинете: {link} Тел. {phone}");

	/** The placeholders a template may use. */
	public static final List<String> PLACEHOLDERS = List.of("{agency}", "{phone}", "{link}", "{amount}", "{date}");

	private final String purpose;
	private final Initiative initiative;
	private final String defaultText;

	MessageTemplate(String purpose, Initiative initiative, String defaultText) {
		this.purpose = purpose;
		this.initiative = initiative;
		this.defaultText = defaultText;
	}

	/** The stable key the log keeps ({@code contact_attempts.purpose}) and the form's field is named by. */
	public String purpose() {
		return purpose;
	}

	public Initiative initiative() {
		return initiative;
	}

	public String defaultText() {
		return defaultText;
	}

	public static Optional<MessageTemplate> of(String purpose) {
		return Arrays.stream(values()).filter(t -> t.purpose.equals(purpose)).findFirst();
	}
}
