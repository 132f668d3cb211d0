package dev.lamplighter.store.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.lamplighter.store.StoreConfig;
import dev.lamplighter.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL connections from one HikariCP pool, at READ COMMITTED. A write transaction holds a
 * pooled connection with autocommit off until it ends; reads outside a transaction borrow one in
 * autocommit mode.
 */
final class PostgresConnections implements ConnectionSource {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresConnections.class);

  private final HikariDataSource pool;
  private final String shownUrl;

  private PostgresConnections(HikariDataSource pool, String shownUrl) {
    this.pool = pool;
    this.shownUrl = shownUrl;
  }

  static PostgresConnections open(StoreConfig config) {
    String shownUrl = withoutQuery(config.jdbcUrl());
    HikariConfig settings = new HikariConfig();
    settings.setJdbcUrl(config.jdbcUrl());
    settings.setPoolName("lamplighter-postgresql");
    settings.setMaximumPoolSize(config.poolSize());
    settings.setAutoCommit(true);
    settings.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(settings);
    } catch (HikariPool.PoolInitializationException e) {
      if (e.getCause() instanceof SQLException) {
        throw new StoreException(
            "cannot connect to the PostgreSQL store " + shownUrl, (SQLException) e.getCause());
      }
      throw e;
    }
    try {
      Migrations.run(pool, PostgresDialect.INSTANCE);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    LOG.info("Opened PostgreSQL store [{}] ({} connections)", shownUrl, config.poolSize());
    return new PostgresConnections(pool, shownUrl);
  }

  private static String withoutQuery(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  @Override
  public Dialect dialect() {
    return PostgresDialect.INSTANCE;
  }

  @Override
  public Connection begin() throws SQLException {
    Connection connection = pool.getConnection();
    try {
      connection.setAutoCommit(false);
      return connection;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public void commit(Connection connection) throws SQLException {
    connection.commit();
  }

  @Override
  public void rollback(Connection connection) throws SQLException {
    connection.rollback();
  }

  @Override
  public void release(Connection connection) {
    try {
      // The pool restores autocommit on return.
      connection.close();
    } catch (SQLException e) {
      LOG.warn("Returning a PostgreSQL connection to the pool failed: {}", e.getMessage());
    }
  }

  @Override
  public Connection read() throws SQLException {
    return pool.getConnection();
  }

  @Override
  public String describe() {
    return shownUrl;
  }

  @Override
  public void close() {
    pool.close();
  }
}
