package com.sparkify.warehouse.extract;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists the files of an input once, recursively. On S3A a recursive listing is a flat, paged LIST
 * of the prefix, so a catalogue of many tiny files costs one request per thousand files.
 */
public final class SourceFiles {

  private SourceFiles() {}

  /**
   * Every file under {@code location}, sorted by path, skipping hidden and checksum files.
   *
   * @param configKey the config key that named the location, for the error message
   * @throws InputException when the location does not exist, cannot be read or holds no files
   */
  public static List<SourceFile> list(String location, String configKey, Configuration hadoop) {
    var files = new ArrayList<SourceFile>();
    try {
      Path root = new Path(location);
      FileSystem fileSystem = root.getFileSystem(hadoop);
      if (!fileSystem.exists(root)) {
        throw new InputException(
            "Input path does not exist: " + location + " (check " + configKey + ")");
      }
      if (isObjectStore(fileSystem)) {
        // One flat, paged LIST of the whole prefix: a request per thousand files.
        RemoteIterator<LocatedFileStatus> listing = fileSystem.listFiles(root, true);
        while (listing.hasNext()) {
          add(listing.next(), files);
        }
      } else {
        // A tree walk: listFiles() here would also look up block locations, file by file.
        walk(fileSystem, fileSystem.getFileStatus(root), files);
      }
    } catch (FileNotFoundException e) {
      throw new InputException(
          "Input path does not exist: " + location + " (check " + configKey + ")", e);
    } catch (AccessDeniedException e) {
      throw new InputException(
          "Cannot read " + location + ": access denied (check " + configKey + " and credentials)",
          e);
    } catch (IOException | IllegalArgumentException e) {
      throw new InputException(
          "Cannot list " + location + " (" + configKey + "): " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new InputException(
          "Input path holds no files: " + location + " (check " + configKey + ")");
    }
    files.sort(Comparator.comparing(SourceFile::path));
    return files;
  }

  private static boolean isObjectStore(FileSystem fileSystem) {
    String scheme = fileSystem.getScheme();
    return scheme.startsWith("s3") || scheme.equals("gs") || scheme.startsWith("abfs");
  }

  private static void walk(FileSystem fileSystem, FileStatus status, List<SourceFile> files)
      throws IOException {
    if (!status.isDirectory()) {
      add(status, files);
      return;
    }
    if (!isVisible(status.getPath().getName())) {
      return;
    }
    for (FileStatus child : fileSystem.listStatus(status.getPath())) {
      walk(fileSystem, child, files);
    }
  }

  private static void add(FileStatus status, List<SourceFile> files) {
    if (isVisible(status.getPath().getName())) {
      files.add(new SourceFile(status.getPath().toString(), status.getLen()));
    }
  }

  private static boolean isVisible(String name) {
    return !name.startsWith(".") && !name.startsWith("_") && !name.endsWith(".crc");
  }
}
