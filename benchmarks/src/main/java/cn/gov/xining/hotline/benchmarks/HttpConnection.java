package cn.gov.xining.hotline.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One persistent HTTP/1.1 connection, written by hand. The JDK's HttpClient spent a whole core of
 * this 2-core machine on its selector at 1,500 requests/s, so it measured itself rather than
 * intake; a blocking keep-alive socket per worker costs next to nothing.
 */
final class HttpConnection implements AutoCloseable {

  /** Status and body of one response. */
  record Response(int status, String body) {}

  private final String host;
  private final int port;
  private Socket socket;
  private OutputStream out;
  private InputStream in;

  HttpConnection(URI base) {
    this.host = base.getHost();
    this.port = base.getPort();
  }

  /**
   * @param bearerToken the signed-in operator's access token
   */
  Response post(String path, String bearerToken, byte[] json) throws IOException {
    try {
      return exchange(path, bearerToken, json);
    } catch (IOException closedByServer) {
      close(); // a kept-alive connection the server closed: one fresh try
      return exchange(path, bearerToken, json);
    }
  }

  private Response exchange(String path, String bearerToken, byte[] json) throws IOException {
    if (socket == null) {
      socket = new Socket(host, port);
      socket.setTcpNoDelay(true);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream());
    }
    String head =
        "POST %s HTTP/1.1\r\nHost: %s:%d\r\nContent-Type: application/json\r\nAuthorization: Bearer %s\r\nContent-Length: %d\r\n\r\n"
            .formatted(path, host, port, bearerToken, json.length);
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(json);
    out.flush();
    String statusLine = line();
    if (statusLine == null) {
      throw new IOException("connection closed");
    }
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    int length = -1;
    boolean chunked = false;
    boolean closeAfter = false;
    for (String header = line(); header != null && !header.isEmpty(); header = line()) {
      String lower = header.toLowerCase();
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(header.substring(15).strip());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        closeAfter = true;
      }
    }
    var body = new ByteArrayOutputStream();
    if (chunked) {
      for (int size = Integer.parseInt(line().strip(), 16);
          size > 0;
          size = Integer.parseInt(line().strip(), 16)) {
        body.write(in.readNBytes(size));
        line();
      }
      line();
    } else if (length >= 0) {
      body.write(in.readNBytes(length));
    }
    if (closeAfter) {
      close();
    }
    return new Response(status, body.toString(StandardCharsets.UTF_8));
  }

  private String line() throws IOException {
    var line = new StringBuilder();
    for (int c = in.read(); c != -1; c = in.read()) {
      if (c == '\n') {
        return line.toString();
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.isEmpty() ? null : line.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      socket = null;
    }
  }
}
