package com.sparkify.warehouse.emr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the scripts of scripts/emr/ with --dry-run and checks the AWS CLI commands and the JSON they
 * print: what an EMR step would run, without an AWS account.
 */
class EmrScriptsTest {

  private static final String MAIN_CLASS = "com.sparkify.warehouse.cli.SparkifyCli";
  private static final String JAR_NAME = "sparkify-warehouse-[0-9][^/]*-emr\\.jar";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  @Test
  void addStepRunsSparkSubmitWithTheEmrJarAndIncremental() throws Exception {
    Result result = run("add-step.sh", "--cluster-id", "j-EXAMPLE", "--incremental", "--dry-run");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.command()).startsWith("aws emr add-steps --cluster-id j-EXAMPLE ");
    JsonNode steps = result.json("--steps");
    assertThat(steps.isArray()).isTrue();
    assertThat(steps).hasSize(1);
    JsonNode step = steps.get(0);
    assertThat(step.get("Type").asText()).isEqualTo("CUSTOM_JAR");
    assertThat(step.get("Jar").asText()).isEqualTo("command-runner.jar");
    assertThat(step.get("ActionOnFailure").asText()).isEqualTo("CONTINUE");
    List<String> args = strings(step.get("Args"));
    assertSparkSubmit(args);
    // Without --artifacts a dry run shows placeholder locations, and says so.
    assertThat(args).anyMatch(arg -> arg.matches("s3://YOUR-ARTIFACT-BUCKET/jars/" + JAR_NAME));
    assertThat(jobArguments(args))
        .containsExactly(
            "run", "--config", "s3://YOUR-ARTIFACT-BUCKET/conf/emr.conf", "--incremental");
    assertThat(result.stderr()).contains("placeholder");
  }

  @Test
  void addStepLoadsADateRangeFromTheArtifactBucket() throws Exception {
    Result result =
        run(
            "add-step.sh",
            "--cluster-id",
            "j-2AXXXXXXGAPLF",
            "--from",
            "2018-11-01",
            "--to",
            "2018-11-10",
            "--artifacts",
            "s3://my-artifacts",
            "--region",
            "us-west-2",
            "--dry-run",
            "--",
            "--set",
            "spark.executor.instances=4");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr()).isEmpty();
    assertThat(result.command()).contains(" --region us-west-2 ");
    List<String> args = strings(result.json("--steps").get(0).get("Args"));
    assertSparkSubmit(args);
    assertThat(args).anyMatch(arg -> arg.matches("s3://my-artifacts/jars/" + JAR_NAME));
    assertThat(jobArguments(args))
        .containsExactly(
            "run",
            "--config",
            "s3://my-artifacts/conf/emr.conf",
            "--from",
            "2018-11-01",
            "--to",
            "2018-11-10",
            "--set",
            "spark.executor.instances=4");
  }

  @Test
  void thePrintedCommandIsExactlyTheCommandWithItsJson() throws Exception {
    Result result =
        run(
            "add-step.sh",
            "--cluster-id",
            "j-EXAMPLE",
            "--incremental",
            "--artifacts",
            "s3://my-artifacts",
            "--dry-run",
            "--",
            "--set",
            "quarantine.path=s3://b/it's here");
    assertThat(result.exitCode()).as(result.stderr()).isZero();

    // The shell reads the printed line back into the very words the script would pass to aws.
    List<String> words = shellWords(result.command());

    assertThat(words.subList(0, 5))
        .containsExactly("aws", "emr", "add-steps", "--cluster-id", "j-EXAMPLE");
    assertThat(words.get(words.indexOf("--steps") + 1)).isEqualTo(result.jsonText("--steps"));
    assertThat(strings(result.json("--steps").get(0).get("Args")))
        .endsWith("--incremental", "--set", "quarantine.path=s3://b/it's here");
  }

  @Test
  void createClusterRunsTheJobOnATransientEmr7Cluster() throws Exception {
    Result result =
        run(
            "create-cluster.sh",
            "--artifacts",
            "s3://my-artifacts",
            "--from",
            "2018-11-01",
            "--to",
            "2018-11-10",
            "--instance-count",
            "4",
            "--dry-run");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    List<String> words = shellWords(result.command());
    assertThat(words.subList(0, 3)).containsExactly("aws", "emr", "create-cluster");
    assertThat(words.get(words.indexOf("--release-label") + 1)).matches("emr-7\\.\\d+\\.\\d+");
    assertThat(words).contains("--auto-terminate");
    assertThat(words.get(words.indexOf("--applications") + 1)).isEqualTo("Name=Spark");
    assertThat(words.get(words.indexOf("--instance-count") + 1)).isEqualTo("4");
    assertThat(words.get(words.indexOf("--service-role") + 1)).isEqualTo("EMR_DefaultRole");
    assertThat(words.get(words.indexOf("--ec2-attributes") + 1))
        .isEqualTo("InstanceProfile=EMR_EC2_DefaultRole");
    assertThat(words.get(words.indexOf("--log-uri") + 1)).isEqualTo("s3://my-artifacts/logs/");
    JsonNode step = result.json("--steps").get(0);
    assertThat(step.get("ActionOnFailure").asText()).isEqualTo("TERMINATE_CLUSTER");
    List<String> args = strings(step.get("Args"));
    assertSparkSubmit(args);
    assertThat(jobArguments(args))
        .containsExactly(
            "run",
            "--config",
            "s3://my-artifacts/conf/emr.conf",
            "--from",
            "2018-11-01",
            "--to",
            "2018-11-10");
  }

  @Test
  void scheduleAddsADailyIncrementalStep() throws Exception {
    String role = "arn:aws:iam::123456789012:role/sparkify-scheduler";
    Result result =
        run(
            "schedule.sh",
            "--cluster-id",
            "j-EXAMPLE",
            "--role-arn",
            role,
            "--artifacts",
            "s3://my-artifacts",
            "--dry-run");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    List<String> words = shellWords(result.command());
    assertThat(words.subList(0, 3)).containsExactly("aws", "scheduler", "create-schedule");
    assertThat(words.get(words.indexOf("--schedule-expression") + 1))
        .matches("cron\\(\\S+ \\S+ \\S+ \\S+ \\S+ \\S+\\)");
    assertThat(result.json("--flexible-time-window").get("Mode").asText()).isEqualTo("OFF");
    JsonNode target = result.json("--target");
    assertThat(target.get("Arn").asText())
        .isEqualTo("arn:aws:scheduler:::aws-sdk:emr:addJobFlowSteps");
    assertThat(target.get("RoleArn").asText()).isEqualTo(role);

    // The target's Input is the AddJobFlowSteps request, itself JSON inside a string.
    assertThat(target.get("Input").isTextual()).isTrue();
    JsonNode input = JSON.readTree(target.get("Input").asText());
    assertThat(input.get("JobFlowId").asText()).isEqualTo("j-EXAMPLE");
    assertThat(input.get("Steps")).hasSize(1);
    JsonNode jarStep = input.get("Steps").get(0).get("HadoopJarStep");
    assertThat(jarStep.get("Jar").asText()).isEqualTo("command-runner.jar");
    List<String> args = strings(jarStep.get("Args"));
    assertSparkSubmit(args);
    assertThat(jobArguments(args))
        .containsExactly("run", "--config", "s3://my-artifacts/conf/emr.conf", "--incremental");
  }

  @Test
  void submitPrintsTheSparkSubmitLineForThePrimaryNode() throws Exception {
    Result result =
        run("submit.sh", "--incremental", "--redshift-jars", "--artifacts", "s3://a", "--dry-run");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    List<String> args = strings(result.json("arguments"));
    assertThat(shellWords(result.command())).isEqualTo(args);
    assertSparkSubmit(args);
    assertThat(args.get(args.indexOf("--jars") + 1))
        .contains("/usr/share/aws/redshift/spark-redshift/lib/spark-redshift.jar")
        .contains("/usr/share/aws/redshift/jdbc/RedshiftJDBC.jar");
    assertThat(jobArguments(args))
        .containsExactly("run", "--config", "s3://a/conf/emr.conf", "--incremental");
  }

  @ParameterizedTest
  @ValueSource(strings = {"add-step.sh", "schedule.sh"})
  void aMissingClusterIdIsAUsageError(String script) throws Exception {
    var args = new ArrayList<>(List.of(requiredFlags(script, "--incremental")));
    args.subList(0, 2).clear(); // --cluster-id j-EXAMPLE

    Result result = run(script, args.toArray(String[]::new));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderr().strip()).doesNotContain("\n").contains("missing --cluster-id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2018-11-31", "2018-02-29", "2018/11/01", "18-11-01", "2018-13-01", "x"})
  void aBadDateIsAUsageError(String date) throws Exception {
    for (String script : List.of("add-step.sh", "create-cluster.sh", "submit.sh")) {
      Result badFrom = run(script, requiredFlags(script, "--from", date, "--to", "2018-12-01"));
      Result badTo = run(script, requiredFlags(script, "--from", "2018-11-01", "--to", date));

      assertThat(badFrom.exitCode()).as(script).isEqualTo(2);
      assertThat(badFrom.stdout()).as(script).isEmpty();
      assertThat(badFrom.stderr().strip())
          .as(script)
          .doesNotContain("\n")
          .contains("--from", "YYYY-MM-DD", "'" + date + "'");
      assertThat(badTo.exitCode()).as(script).isEqualTo(2);
      assertThat(badTo.stderr()).as(script).contains("--to", "'" + date + "'");
    }
  }

  @Test
  void aLeapDayIsADate() throws Exception {
    Result result =
        run(
            "add-step.sh",
            requiredFlags("add-step.sh", "--from", "2020-02-29", "--to", "2020-03-01"));

    assertThat(result.exitCode()).as(result.stderr()).isZero();
  }

  @Test
  void incrementalAndARangeExcludeEachOther() throws Exception {
    Result result =
        run(
            "add-step.sh",
            "--cluster-id",
            "j-EXAMPLE",
            "--incremental",
            "--from",
            "2018-11-01",
            "--to",
            "2018-11-02",
            "--dry-run");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("--incremental");
  }

  @Test
  void aRealRunRefusesThePlaceholderBucket() throws Exception {
    Result result = run("add-step.sh", "--cluster-id", "j-EXAMPLE", "--incremental");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("--artifacts");
    assertThat(temp.resolve("aws-was-called")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"submit.sh", "add-step.sh", "create-cluster.sh", "schedule.sh"})
  void everyScriptHasHelpAndNeverCallsAwsOnDryRun(String script) throws Exception {
    Result help = run(script, "--help");
    Result dryRun = run(script, requiredFlags(script, "--incremental"));
    Result unknown = run(script, requiredFlags(script, "--no-such-flag"));

    assertThat(help.exitCode()).isZero();
    assertThat(help.stdout()).startsWith("Usage: " + script).contains("--dry-run");
    assertThat(dryRun.exitCode()).as(dryRun.stderr()).isZero();
    assertThat(dryRun.stdout()).contains(MAIN_CLASS, "--incremental");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.stderr()).contains("--no-such-flag");
    assertThat(temp.resolve("aws-was-called")).doesNotExist();
  }

  // ---------------------------------------------------------------------------------------------

  /** The flags a script cannot do without, then {@code more}, then --dry-run. */
  private static String[] requiredFlags(String script, String... more) {
    var args = new ArrayList<String>();
    if (script.equals("add-step.sh") || script.equals("schedule.sh")) {
      args.addAll(List.of("--cluster-id", "j-EXAMPLE"));
    }
    if (script.equals("schedule.sh")) {
      args.addAll(List.of("--role-arn", "arn:aws:iam::123456789012:role/sparkify-scheduler"));
    }
    args.addAll(List.of(more));
    args.add("--dry-run");
    return args.toArray(String[]::new);
  }

  private static void assertSparkSubmit(List<String> args) {
    assertThat(args.get(0)).isEqualTo("spark-submit");
    assertThat(args).containsSequence("--deploy-mode", "cluster");
    assertThat(args).containsSequence("--class", MAIN_CLASS);
    // The application jar comes right before the job's arguments.
    assertThat(args.get(args.indexOf("run") - 1)).matches("s3://.+/" + JAR_NAME);
    assertThat(args.get(args.indexOf("run") + 1)).isEqualTo("--config");
  }

  private static List<String> jobArguments(List<String> args) {
    return args.subList(args.indexOf("run"), args.size());
  }

  private static List<String> strings(JsonNode array) {
    assertThat(array.isArray()).as(String.valueOf(array)).isTrue();
    var strings = new ArrayList<String>();
    array.forEach(item -> strings.add(item.asText()));
    return strings;
  }

  /** Splits a command line the way bash does, by letting bash do it. */
  private List<String> shellWords(String line) throws Exception {
    var process =
        new ProcessBuilder("bash", "-c", "eval \"set -- $1\"; printf '%s\\0' \"$@\"", "bash", line)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    return List.of(out.split("\0"));
  }

  private Result run(String script, String... args) throws Exception {
    // A fake aws first on PATH: if a script ever called it, the marker file would appear.
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path aws = bin.resolve("aws");
    if (!Files.exists(aws)) {
      Files.writeString(
          aws, "#!/bin/sh\ntouch '" + temp.resolve("aws-was-called") + "'\nexit 99\n");
      aws.toFile().setExecutable(true);
    }
    var command = new ArrayList<String>();
    command.add(Path.of("scripts", "emr", script).toString());
    command.addAll(List.of(args));
    var builder = new ProcessBuilder(command);
    builder.environment().remove("SPARKIFY_EMR_ARTIFACTS");
    builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Path stdout = temp.resolve("stdout");
    Path stderr = temp.resolve("stderr");
    builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    Process process = builder.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(script + " finished").isTrue();
    return new Result(
        process.exitValue(),
        Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }

  /** What a script printed: the command on the first line, then "# FLAG" and its JSON. */
  private record Result(int exitCode, String stdout, String stderr) {

    String command() {
      return stdout.lines().findFirst().orElseThrow();
    }

    String jsonText(String flag) {
      List<String> lines = stdout.lines().toList();
      int marker = lines.indexOf("# " + flag);
      assertThat(marker).as("'# " + flag + "' in:\n" + stdout).isPositive();
      return lines.get(marker + 1);
    }

    JsonNode json(String flag) throws IOException {
      return JSON.readTree(jsonText(flag));
    }
  }
}
