package dev.sluice.testing.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plain TCP relay on {@code 127.0.0.1} in front of an HTTP server (the {@link S3TestServer}) that
 * keeps every byte its clients send, so a test can check what the code under test asked S3 for:
 * say, that every upload requests server-side encryption. A server may answer that it encrypted an
 * object whatever the request said; the request headers are the evidence.
 *
 * <p>Only plain HTTP/1.1 is understood, which is what the test server speaks.
 */
public final class S3RequestRecorder implements AutoCloseable {

  /** One HTTP request as the client sent it; header names in lower case. */
  public record Request(String method, String target, Map<String, String> headers) {
    /** The header's value, or null. */
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final URI target;
  private final ServerSocket listener;
  private final List<ByteArrayOutputStream> connections =
      Collections.synchronizedList(new ArrayList<>());
  private final Thread acceptor;

  private S3RequestRecorder(URI target) throws IOException {
    this.target = target;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::accept, "s3-request-recorder");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts a recorder relaying to {@code server} (an {@code http://host:port} URI). */
  public static S3RequestRecorder inFrontOf(URI server) {
    try {
      return new S3RequestRecorder(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The endpoint the code under test should use instead of the server's. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort());
  }

  /** Every request sent so far, connection by connection, each in the order it was sent. */
  public List<Request> requests() {
    List<Request> requests = new ArrayList<>();
    synchronized (connections) {
      for (ByteArrayOutputStream connection : connections) {
        byte[] bytes;
        synchronized (connection) {
          bytes = connection.toByteArray();
        }
        parse(bytes, requests);
      }
    }
    return requests;
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(target.getHost(), target.getPort());
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        connections.add(sent);
        relay(client.getInputStream(), server.getOutputStream(), sent, server);
        relay(server.getInputStream(), client.getOutputStream(), null, client);
      } catch (IOException closed) {
        return;
      }
    }
  }

  /** Copies {@code in} to {@code out} (and to {@code copy}), then closes {@code peer}'s side. */
  private static void relay(
      InputStream in, OutputStream out, ByteArrayOutputStream copy, Socket peer) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[64 * 1024];
              try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                  if (copy != null) {
                    synchronized (copy) {
                      copy.write(buffer, 0, n);
                    }
                  }
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException connectionGone) {
                // Either side hung up; the other side is closed below.
              } finally {
                try {
                  peer.close();
                } catch (IOException ignored) {
                  // Closing is all that is left to do.
                }
              }
            },
            "s3-request-recorder-relay");
    thread.setDaemon(true);
    thread.start();
  }

  /** Splits one connection's bytes into requests: line, headers, and a body to skip. */
  private static void parse(byte[] bytes, List<Request> requests) {
    int at = 0;
    while (at < bytes.length) {
      int end = indexOf(bytes, "\r\n\r\n", at);
      if (end < 0) {
        return;
      }
      String[] lines = new String(bytes, at, end - at, StandardCharsets.ISO_8859_1).split("\r\n");
      String[] requestLine = lines[0].split(" ");
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.put(
              lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
              lines[i].substring(colon + 1).trim());
        }
      }
      requests.add(new Request(requestLine[0], requestLine[1], headers));
      at = end + 4;
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        at = skipChunks(bytes, at);
      } else {
        at += Integer.parseInt(headers.getOrDefault("content-length", "0"));
      }
    }
  }

  private static int skipChunks(byte[] bytes, int at) {
    while (true) {
      int lineEnd = indexOf(bytes, "\r\n", at);
      if (lineEnd < 0) {
        return bytes.length;
      }
      String size = new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int length = Integer.parseInt(size.split(";")[0].trim(), 16);
      at = lineEnd + 2 + length + 2;
      if (length == 0) {
        return at;
      }
    }
  }

  private static int indexOf(byte[] bytes, String text, int from) {
    byte[] needle = text.getBytes(StandardCharsets.ISO_8859_1);
    outer:
    for (int i = from; i <= bytes.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
