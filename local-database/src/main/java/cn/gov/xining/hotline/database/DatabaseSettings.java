package cn.gov.xining.hotline.database;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the local PostgreSQL keeps its data, the port it listens on, and the one database and user
 * intake works with.
 *
 * @param dataDir {@code --data-dir=.run/postgres}: PostgreSQL's own data directory (PGDATA)
 * @param password {@code --password=...}, else the environment's {@value #PASSWORD_VARIABLE}, else
 *     docker-compose's development password. It is set when the data directory is created; later
 *     starts must give the same one.
 */
record DatabaseSettings(Path dataDir, int port, String database, String user, String password) {

  static final String PASSWORD_VARIABLE = "HOTLINE_POSTGRES_PASSWORD";

  static final String USAGE =
      "usage: LocalPostgres [--data-dir=.run/postgres] [--port=5432] [--database=intake]"
          + " [--user=intake] [--password=...] (default: $"
          + PASSWORD_VARIABLE
          + ", else intake-dev-password)";

  /** Names that need no quoting in SQL and mean the same in a JDBC URL. */
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

  static DatabaseSettings fromArgs(Map<String, String> environment, String... args) {
    Path dataDir = Path.of(".run", "postgres");
    int port = 5432;
    String database = "intake";
    String user = "intake";
    String password = environment.getOrDefault(PASSWORD_VARIABLE, "intake-dev-password");
    for (String arg : args) {
      String[] option = arg.split("=", 2);
      if (option.length != 2) {
        throw new IllegalArgumentException("expected --option=value, not " + arg);
      }
      switch (option[0]) {
        case "--data-dir" -> dataDir = Path.of(option[1]);
        case "--port" -> port = port(option[1]);
        case "--database" -> database = option[1];
        case "--user" -> user = option[1];
        case "--password" -> password = option[1];
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("no such port: " + port);
    }
    for (String name : new String[] {database, user}) {
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "database and user names are lower-case letters, digits and _: " + name);
      }
    }
    if (password.isEmpty()) {
      throw new IllegalArgumentException("the password is empty");
    }
    // Absolute: the server and pg_ctl are given it, and it names the lock file beside it.
    return new DatabaseSettings(
        dataDir.toAbsolutePath().normalize(), port, database, user, password);
  }

  private static int port(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port is a number, not " + value);
    }
  }

  /**
   * One launcher per data directory: this file beside it is locked while one runs. Beside, not in
   * it, because initdb wants the data directory empty.
   */
  Path lockFile() {
    return dataDir.resolveSibling(dataDir.getFileName() + ".lock");
  }

  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:%d/%s".formatted(port, database);
  }

  /** Never the password: settings end up in messages. */
  @Override
  public String toString() {
    return "DatabaseSettings[dataDir=%s, port=%d, database=%s, user=%s]"
        .formatted(dataDir, port, database, user);
  }
}
