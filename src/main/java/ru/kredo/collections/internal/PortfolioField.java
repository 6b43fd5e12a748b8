package ru.kredo.collections.internal;

import ru.kredo.tabular.HeaderWords;

/**
 * What a column of a debt registry (реестр долгов) says about the debt, beyond the debtor himself: headers as banks'
 * and МФО's registries and agencies' own systems write them, in Russian and English.
 */
enum PortfolioField {

	ORIGINAL_CREDITOR,
	CONTRACT_NUMBER,
	CONTRACT_DATE,
	ASSIGNMENT_DATE,
	PRINCIPAL,
	INTEREST,
	PENALTIES,
	FEES,
	STATE_DUTY,
	TOTAL,
	PAID,
	DAYS_PAST_DUE,
	OVERDUE_SINCE,
	REGION,
	TIME_ZONE,
	/** The debt's id in the registry or the agency's own system (issue 15): the debt's externalId. */
	EXTERNAL_ID;

	static final HeaderWords<PortfolioField> WORDS = HeaderWords.<PortfolioField>builder()
		.add(ORIGINAL_CREDITOR, "Первоначальный кредитор", "Цедент", "Кредитор", "Наименование кредитора",
				"Первичный кредитор", "Банк", "Банк-кредитор", "Кредитная организация", "МФО", "Original creditor",
				"Creditor", "Assignor", "Lender", "Bank")
		.add(CONTRACT_NUMBER, "Номер договора", "№ договора", "Договор", "Договор №", "Номер кредитного договора",
				"№ кредитного договора", "Номер КД", "№ КД", "КД", "Номер договора займа", "№ договора займа",
				"Contract number", "Contract no", "Contract", "Loan number", "Loan ID", "Agreement number")
		.add(CONTRACT_DATE, "Дата договора", "Дата кредитного договора", "Дата КД", "Дата заключения договора",
				"Дата договора займа", "Дата выдачи", "Дата выдачи кредита", "Дата выдачи займа", "Contract date",
				"Loan date", "Issue date", "Agreement date")
		.add(ASSIGNMENT_DATE, "Дата уступки", "Дата цессии", "Дата уступки прав", "Дата уступки прав требования",
				"Дата перехода прав", "Дата перехода прав требования", "Дата передачи", "Assignment date", "Cession date")
		.add(PRINCIPAL, "Сумма основного долга", "Основной долг", "ОД", "Сумма ОД", "Остаток ОД",
				"Задолженность по основному долгу", "Остаток основного долга", "Principal", "Principal debt",
				"Principal amount", "Principal balance")
		.add(INTEREST, "Проценты", "Сумма процентов", "Задолженность по процентам", "Просроченные проценты",
				"Проценты за пользование", "Interest", "Interest amount", "Interest due")
		.add(PENALTIES, "Пени", "Штрафы", "Пени/штрафы", "Пени и штрафы", "Штрафы/пени", "Штрафы и пени", "Неустойка",
				"Сумма неустойки", "Сумма пеней", "Сумма штрафов", "Penalties", "Penalty", "Fines", "Late fees")
		.add(FEES, "Комиссии", "Комиссия", "Сумма комиссий", "Задолженность по комиссиям", "Fees", "Commission",
				"Commissions")
		.add(STATE_DUTY, "Госпошлина", "Государственная пошлина", "Сумма госпошлины", "Расходы по госпошлине", "ГП",
				"State duty", "Court fee", "Court fees")
		.add(TOTAL, "Общая сумма задолженности", "Сумма задолженности", "Общая сумма долга", "Сумма долга", "Итого",
				"Итого задолженность", "Всего задолженность", "Задолженность", "Total", "Total debt", "Debt amount",
				"Total amount")
		.add(PAID, "Оплачено", "Сумма оплат", "Сумма платежей", "Погашено", "Платежи", "Оплачено после уступки",
				"Сумма поступлений", "Поступления", "Payments", "Paid", "Amount paid", "Paid amount")
		.add(DAYS_PAST_DUE, "Дней просрочки", "Количество дней просрочки", "Кол-во дней просрочки", "Срок просрочки",
				"Просрочка дней", "Просрочка, дней", "Дни просрочки", "DPD", "Days past due", "Days overdue")
		.add(OVERDUE_SINCE, "Дата возникновения просрочки", "Дата выхода на просрочку", "Дата начала просрочки",
				"Дата просрочки", "Просрочка с", "Дата возникновения задолженности", "Дата образования просрочки",
				"Дата первой просрочки", "Дата выноса на просрочку", "Overdue since", "Past due since", "Overdue date",
				"Delinquency date", "Date of default")
		.add(REGION, "Регион", "Субъект РФ", "Регион проживания", "Регион регистрации", "Регион должника", "Region")
		.add(TIME_ZONE, "Часовой пояс", "Таймзона", "Time zone", "Timezone", "TZ", "UTC offset")
		.add(EXTERNAL_ID, "ID", "ИД", "Внешний ID", "Внешний ИД", "Внешний идентификатор", "ID долга", "ИД долга",
				"Идентификатор долга", "Номер в реестре", "№ в реестре", "ID в реестре", "Номер долга в реестре",
				"ID дела", "External ID", "Debt ID", "Registry ID")
		// Amounts are headed with their unit: «Сумма ОД, руб.», «Проценты (руб)», «Principal, RUB».
		.ignoringEndings("руб", "рублей", "в рублях", "rub", "rur", "roubles", "rubles")
		.build();
}
