package ru.kredo;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the current thread prepares while {@link #count} runs: the guard against a list that reads
 * one more row per line it shows (N+1). Every {@link IntegrationTest} context has it: it wraps the application's
 * {@link DataSource} so that each connection counts its {@code prepareStatement}, {@code createStatement} and
 * {@code prepareCall} for the thread that counts, and does nothing else (everything else, {@code unwrap} too, goes to
 * the pool's connection). MockMvc serves a request on the test's thread, so a request's statements are counted and
 * the background jobs' are not. It also counts the thread's database transactions: each statement prepared on a
 * connection in auto-commit (a transaction of its own) and each {@code commit} or {@code rollback} of one that is not,
 * and keeps each statement's SQL, for a test to say which reads a page repeats. The session store's statements
 * (Spring Session's tables, which every request with a session reads and writes) are left out: they are no page's.
 */
public class StatementCounter implements BeanPostProcessor {

	private static final ThreadLocal<Tally> COUNTING = new ThreadLocal<>();
	private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");

	/**
	 * What {@code work} returned, how many statements this thread prepared while it ran and in how many transactions,
	 * and the statements' SQL in order.
	 */
	public record Counted<T>(T result, int statements, int transactions, List<String> sql) {

		/** How many of the statements contain {@code text}. */
		public long statementsWith(String text) {
			return sql.stream().filter(statement -> statement.contains(text)).count();
		}
	}

	private static final class Tally {

		int statements;

		int transactions;

		final List<String> sql = new ArrayList<>();
	}

	public static <T> Counted<T> count(Callable<T> work) throws Exception {
		Tally previous = COUNTING.get();
		Tally count = new Tally();
		COUNTING.set(count);
		try {
			T result = work.call();
			return new Counted<>(result, count.statements, count.transactions, List.copyOf(count.sql));
		}
		finally {
			COUNTING.set(previous);
		}
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return bean instanceof DataSource dataSource && !(bean instanceof Counting) ? new Counting(dataSource) : bean;
	}

	/**
	 * The session store's own statements (Spring Session JDBC reads the session when a request first asks for it and
	 * writes it at the end, and the tests' MockSessions carries MockMvc's sessions through it): not the page's reads.
	 */
	private static boolean sessionStore(Object[] args) {
		return args != null && args.length > 0 && args[0] instanceof String sql
				&& sql.toLowerCase(java.util.Locale.ROOT).contains("spring_session");
	}

	private static final class Counting extends DelegatingDataSource {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counted(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counted(super.getConnection(username, password));
		}

		private static Connection counted(Connection target) {
			// Whether the connection's open transaction has prepared a statement that counts (not the session store's).
			boolean[] counting = { false };
			InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
				case "equals" -> proxy == args[0];
				case "hashCode" -> System.identityHashCode(proxy);
				default -> {
					Tally count = COUNTING.get();
					if (count != null && STATEMENTS.contains(method.getName()) && !sessionStore(args)) {
						count.statements++;
						if (args != null && args.length > 0 && args[0] instanceof String sql) {
							count.sql.add(sql);
						}
						if (target.getAutoCommit()) {
							count.transactions++;
						}
						else {
							counting[0] = true;
						}
					}
					else if (count != null && (method.getName().equals("commit")
							|| method.getName().equals("rollback") && (args == null || args.length == 0))) {
						if (counting[0]) {
							count.transactions++;
						}
						counting[0] = false;
					}
					try {
						yield method.invoke(target, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				}
			};
			return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
					new Class<?>[] { Connection.class }, handler);
		}
	}
}
