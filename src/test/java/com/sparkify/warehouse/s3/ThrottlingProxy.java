package com.sparkify.warehouse.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of an S3-compatible server that answers the first requests of every
 * connection-burst with 503 SlowDown, as S3 does under throttling, and passes the rest through
 * untouched (signatures stay valid because the bytes are not changed).
 */
final class ThrottlingProxy implements AutoCloseable {

  private static final String SLOW_DOWN_BODY =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code>"
          + "<Message>Please reduce your request rate.</Message></Error>";

  private final ServerSocket server;
  private final int targetPort;
  private final AtomicInteger toReject;
  private final AtomicInteger rejected = new AtomicInteger();

  private ThrottlingProxy(ServerSocket server, int targetPort, int rejections) {
    this.server = server;
    this.targetPort = targetPort;
    this.toReject = new AtomicInteger(rejections);
  }

  /** Proxies to 127.0.0.1:{@code targetPort}, rejecting the first {@code rejections} requests. */
  static ThrottlingProxy start(int targetPort, int rejections) throws IOException {
    var proxy =
        new ThrottlingProxy(
            new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort, rejections);
    Thread acceptor = new Thread(proxy::acceptLoop, "throttling-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
    return proxy;
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** How many requests were answered 503. */
  int rejected() {
    return rejected.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (toReject.getAndDecrement() > 0) {
          reject(client);
        } else {
          pipe(client);
        }
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void reject(Socket client) throws IOException {
    try (client) {
      readHeaders(client.getInputStream());
      byte[] body = SLOW_DOWN_BODY.getBytes(StandardCharsets.UTF_8);
      String head =
          "HTTP/1.1 503 Slow Down\r\nContent-Type: application/xml\r\nContent-Length: "
              + body.length
              + "\r\nConnection: close\r\n\r\n";
      OutputStream out = client.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      rejected.incrementAndGet();
    }
  }

  private static void readHeaders(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    int b;
    while (matched < 4 && (b = in.read()) != -1) {
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }

  private void pipe(Socket client) throws IOException {
    Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
    copyInBackground(client, target);
    copyInBackground(target, client);
  }

  private static void copyInBackground(Socket from, Socket to) {
    Thread copier =
        new Thread(
            () -> {
              try {
                from.getInputStream().transferTo(to.getOutputStream());
              } catch (IOException ignored) {
                // One side closed.
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "throttling-proxy-pipe");
    copier.setDaemon(true);
    copier.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closed already.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
