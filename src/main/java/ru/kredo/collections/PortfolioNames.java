package ru.kredo.collections;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.kredo.tenancy.TenantId;

/**
 * An agency's portfolios (registries uploaded as named portfolios) by name, for the pages that set terms per
 * portfolio (a restructuring plan's policy); another agency's portfolio is none.
 */
@Service
public class PortfolioNames {

	private final JdbcClient jdbc;

	PortfolioNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A portfolio: its id and name. */
	public record PortfolioName(UUID id, String name) {
	}

	/** The agency's portfolios, by name. */
	public List<PortfolioName> all(TenantId tenant) {
		return jdbc.sql("select id, name from portfolios where tenant_id = ? order by name, id")
			.param(tenant.value())
			.query((row, n) -> new PortfolioName(row.getObject("id", UUID.class), row.getString("name")))
			.list();
	}

	/** The agency's portfolio with this id; none when it is another agency's or does not exist. */
	public Optional<PortfolioName> find(TenantId tenant, UUID id) {
		return jdbc.sql("select id, name from portfolios where tenant_id = ? and id = ?")
			.params(tenant.value(), id)
			.query((row, n) -> new PortfolioName(row.getObject("id", UUID.class), row.getString("name")))
			.optional();
	}
}
