package ru.kredo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import ru.kredo.IntegrationTest;

/** What PostgreSQL reads from BinaryCopy's rows is what was written, for every kind of number it may be given. */
@IntegrationTest
class BinaryCopyIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Test
	void numbersOfAnyPrecisionScaleAndSignReadBackAsWritten() throws Exception {
		Random random = new Random(2026);
		List<BigDecimal> values = new ArrayList<>(List.of(BigDecimal.ZERO, new BigDecimal("0.00"), new BigDecimal("1E+3"),
				new BigDecimal("-0.0001"), new BigDecimal("999999999999999999"), new BigDecimal("1000000000000000000"),
				new BigDecimal("99999999999999.9999"), new BigDecimal("9999999999999999.99"), new BigDecimal("12500.50"),
				new BigDecimal(Long.MAX_VALUE), new BigDecimal(Long.MIN_VALUE).movePointLeft(3)));
		for (int i = 0; i < 20_000; i++) {
			BigInteger unscaled = new BigInteger(1 + random.nextInt(random.nextBoolean() ? 60 : 100), random);
			values.add(new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), random.nextInt(-6, 14)));
		}
		UUID[] ids = { UUID.randomUUID(), null };

		List<String> read = new ArrayList<>();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("create temporary table copied (k int, n numeric, u uuid)");
			BinaryCopy rows = new BinaryCopy(64);
			for (int k = 0; k < values.size(); k++) {
				rows.row(3).int4(k).numeric(values.get(k)).uuid(ids[k % 2]);
			}
			assertThat(rows.copyInto(connection, "copy copied (k, n, u) from stdin (format binary)")).isEqualTo(values.size());
			try (ResultSet result = statement.executeQuery("select n::text, u from copied order by k")) {
				while (result.next()) {
					read.add(result.getString(1) + " " + result.getObject(2));
				}
			}
			statement.execute("drop table copied");
		}

		assertThat(read).hasSize(values.size());
		for (int k = 0; k < values.size(); k++) {
			BigDecimal value = values.get(k);
			assertThat(read.get(k)).as("%s", value)
				.isEqualTo(value.setScale(Math.max(0, value.scale())).toPlainString() + " " + ids[k % 2]);
		}
	}
}
