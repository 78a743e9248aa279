package com.sparkify.warehouse.emr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jar that spark-submit runs on EMR (built by {@code mvn package}): the job and its own
 * libraries, nothing that the cluster provides.
 */
class EmrJarIT {

  private static final List<String> PROVIDED_BY_THE_CLUSTER =
      List.of(
          "org/apache/spark/",
          "org/apache/hadoop/",
          "scala/",
          "software/amazon/awssdk/",
          "com/amazonaws/",
          "com/fasterxml/jackson/",
          "org/apache/logging/log4j/",
          "org/slf4j/",
          "io/zonky/");

  private static Path jar;

  @BeforeAll
  static void findTheJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      List<Path> jars =
          files
              .filter(
                  file -> file.getFileName().toString().matches("sparkify-warehouse-.+-emr\\.jar"))
              .toList();
      assertThat(jars).as("target/sparkify-warehouse-*-emr.jar (run mvn package)").hasSize(1);
      jar = jars.get(0);
    }
  }

  @Test
  void startsTheCli() throws IOException {
    try (var file = new JarFile(jar.toFile())) {
      assertThat(file.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("com.sparkify.warehouse.cli.SparkifyCli");
      assertThat(file.getEntry("com/sparkify/warehouse/cli/SparkifyCli.class")).isNotNull();
      assertThat(file.getEntry("reference.conf")).isNotNull();
    }
  }

  @Test
  void carriesTheJobsOwnLibraries() throws IOException {
    try (var file = new JarFile(jar.toFile())) {
      assertThat(file.getEntry("picocli/CommandLine.class")).isNotNull();
      assertThat(file.getEntry("org/postgresql/Driver.class")).isNotNull();
      // Relocated: a cluster's classpath comes first and may hold another Typesafe Config.
      assertThat(file.getEntry("com/sparkify/warehouse/shaded/typesafe/config/ConfigFactory.class"))
          .isNotNull();
      assertThat(file.getEntry("com/typesafe/config/ConfigFactory.class")).isNull();
    }
  }

  @Test
  void leavesOutWhatTheClusterProvides() throws IOException {
    try (var file = new JarFile(jar.toFile())) {
      List<String> names = file.stream().map(ZipEntry::getName).toList();

      assertThat(names).isNotEmpty();
      for (String prefix : PROVIDED_BY_THE_CLUSTER) {
        assertThat(names).as(prefix).noneMatch(name -> name.startsWith(prefix));
      }
      assertThat(names)
          .as("signature files of the shaded libraries")
          .noneMatch(name -> name.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"));
    }
  }

  @Test
  void isSmallEnoughToUploadQuickly() throws IOException {
    assertThat(Files.size(jar)).isLessThan(10L * 1024 * 1024);
  }
}
