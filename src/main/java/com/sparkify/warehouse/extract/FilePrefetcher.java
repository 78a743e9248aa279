package com.sparkify.warehouse.extract;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Opens a task's files in order while reading the small ones ahead on a few threads. On S3 a tiny
 * file costs a round trip or two and almost no bytes, so reading many at once hides the latency
 * that dominates a catalogue of thousands of one-record files. Large files are streamed.
 */
final class FilePrefetcher {

  /** Files up to this size are read whole, ahead of time. */
  static final long SMALL_FILE_BYTES = 4L << 20;

  private static final int THREADS = 16;
  private static final int MAX_FILES_AHEAD = 64;
  private static final long MAX_BYTES_AHEAD = 64L << 20;

  /** Shared by the tasks of an executor; daemon threads never keep a JVM alive. */
  private static final ExecutorService POOL =
      Executors.newFixedThreadPool(
          THREADS,
          runnable -> {
            Thread thread = new Thread(runnable, "sparkify-file-prefetch");
            thread.setDaemon(true);
            return thread;
          });

  /** A file to read next: its bytes on the way, or null to stream it. */
  private record Pending(SourceFile file, Future<byte[]> bytes) {}

  private final Iterator<SourceFile> files;
  private final Configuration hadoop;
  private final Deque<Pending> pending = new ArrayDeque<>();
  private long bytesAhead;

  FilePrefetcher(List<SourceFile> files, Configuration hadoop) {
    this.files = files.iterator();
    this.hadoop = hadoop;
  }

  boolean hasNext() {
    fill();
    return !pending.isEmpty();
  }

  /** The next file's path. Call {@link #open} right after. */
  SourceFile peek() {
    fill();
    return pending.peekFirst().file();
  }

  /**
   * Opens the next file.
   *
   * @throws FileNotFoundException when it was deleted after the listing
   */
  InputStream open() throws IOException {
    Pending next = pending.pollFirst();
    try {
      if (next.bytes() == null) {
        return openFile(next.file());
      }
      bytesAhead -= next.file().length();
      try {
        return new ByteArrayInputStream(next.bytes().get());
      } catch (ExecutionException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw new IOException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("Interrupted reading " + next.file().path(), e);
      }
    } finally {
      fill();
    }
  }

  private void fill() {
    while (files.hasNext() && pending.size() < MAX_FILES_AHEAD && bytesAhead < MAX_BYTES_AHEAD) {
      SourceFile file = files.next();
      if (file.length() > SMALL_FILE_BYTES) {
        pending.addLast(new Pending(file, null));
        // A large file is streamed; read no further ahead than it.
        return;
      }
      bytesAhead += file.length();
      pending.addLast(new Pending(file, POOL.submit(() -> readAll(file))));
    }
  }

  private byte[] readAll(SourceFile file) throws IOException {
    try (InputStream in = openFile(file)) {
      return in.readAllBytes();
    }
  }

  /**
   * Opens a local file directly, without Hadoop's checksum layer (which looks for a ".crc" file
   * beside every file: a second lookup per tiny song file); anything else through its FileSystem.
   */
  private InputStream openFile(SourceFile file) throws IOException {
    Path path = new Path(file.path());
    URI uri = path.toUri();
    if ("file".equals(uri.getScheme())) {
      try {
        return Files.newInputStream(Paths.get(uri.getPath()));
      } catch (NoSuchFileException e) {
        throw new FileNotFoundException(file.path());
      }
    }
    return path.getFileSystem(hadoop).open(path);
  }
}
