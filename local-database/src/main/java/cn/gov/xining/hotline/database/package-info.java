/**
 * Runs a real PostgreSQL server from the binaries Maven brings (no Docker, nothing installed), so
 * that the run command's intake instances can share one database as in production: {@link
 * cn.gov.xining.hotline.database.LocalPostgres} creates its data directory on first start and
 * reuses it afterwards, logins need the password, and it listens on 127.0.0.1 only; it is not meant
 * for production. {@link cn.gov.xining.hotline.database.PostgresBinaries}, which unpacks the
 * binaries and runs them as nobody when root, is shared with intake's tests.
 */
package cn.gov.xining.hotline.database;
