package ru.kredo.tenancy;

/** What a tenant does, which shapes its navigation and dashboard. */
public enum TenantKind {

	/** A credit broker (кредитный брокер): monitors clients and prospects. */
	BROKER,

	/** A debt collection agency (ПКО): monitors debtors and runs the debtor's cabinet. */
	COLLECTOR,

	/** Kredo's own operators, who create tenants. */
	PLATFORM
}
