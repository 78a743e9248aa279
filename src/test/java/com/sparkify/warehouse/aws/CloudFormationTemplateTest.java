package com.sparkify.warehouse.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The safety properties of scripts/aws/sparkify-stack.yaml, read from the template itself, and the
 * commands that up.sh, status.sh and down.sh print with --dry-run. Nothing here calls AWS: an
 * {@code aws} stand-in first on the PATH fails the test if a script ever runs it.
 */
class CloudFormationTemplateTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final Path AWS_SCRIPTS = PROJECT.resolve("scripts/aws");
  private static final Path TEMPLATE = AWS_SCRIPTS.resolve("sparkify-stack.yaml");
  private static final Map<String, Object> TEMPLATE_TREE = parseTemplate();

  /** An S3 ARN built from a bucket-name parameter or resource: arn:...:s3:::${Name}[/suffix]. */
  private static final Pattern BUCKET_ARN =
      Pattern.compile("arn:\\$\\{AWS::Partition}:s3:::\\$\\{(\\w+)}(/.*)?");

  private static final Set<String> COPY_ACTIONS =
      Set.of(
          "s3:GetObject",
          "s3:ListBucket",
          "s3:GetBucketLocation",
          "s3:PutObject",
          "s3:DeleteObject");

  @TempDir Path temporary;
  private Path awsCalled;

  private static Map<String, Object> parseTemplate() {
    try {
      return CloudFormationYaml.parse(Files.readString(TEMPLATE));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + TEMPLATE, e);
    }
  }

  // ------------------------------------------------------------------------------ the template

  @Test
  void parsesTheTemplateWithItsShortTags() {
    assertThat(TEMPLATE_TREE)
        .containsKeys("AWSTemplateFormatVersion", "Parameters", "Resources", "Outputs");
    assertThat(properties("RedshiftCluster").get("ClusterType"))
        .isEqualTo(Map.of("Fn::If", List.of("SingleNode", "single-node", "multi-node")));
    assertThat(output("CopyRoleArn")).isEqualTo(Map.of("Fn::GetAtt", List.of("CopyRole", "Arn")));
    assertThat(map(TEMPLATE_TREE.get("Conditions")).get("SingleNode"))
        .isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "NumberOfNodes"), "1")));
  }

  @Test
  void allowedCidrHasNoDefaultAndItsPatternRefusesTheWholeInternet() {
    Map<String, Object> allowedCidr = parameter("AllowedCidr");
    assertThat(allowedCidr).doesNotContainKey("Default").containsEntry("Type", "String");
    Pattern pattern = Pattern.compile((String) allowedCidr.get("AllowedPattern"));

    for (String open :
        List.of(
            "0.0.0.0/0",
            "0.0.0.0/1",
            "10.0.0.0/7",
            "128.0.0.0/1",
            "::/0",
            "203.0.113.7",
            "203.0.113.7/33",
            "256.1.1.1/32",
            "10.0.0.0/016",
            " 10.0.0.0/16",
            "")) {
      // CloudFormation matches the whole value; find() is checked too, so anchors must hold.
      assertThat(pattern.matcher(open).matches()).as(open).isFalse();
      assertThat(pattern.matcher(open).find()).as(open).isFalse();
    }
    for (String narrow :
        List.of("203.0.113.7/32", "10.0.0.0/16", "172.16.0.0/12", "192.168.1.0/24", "10.0.0.0/8")) {
      assertThat(pattern.matcher(narrow).matches()).as(narrow).isTrue();
    }
  }

  @Test
  void noIngressRuleIsOpenToTheInternet() {
    var rules = new ArrayList<Map<String, Object>>();
    resources("AWS::EC2::SecurityGroup")
        .values()
        .forEach(
            group ->
                list(properties(group).getOrDefault("SecurityGroupIngress", List.of()))
                    .forEach(rule -> rules.add(map(rule))));
    resources("AWS::EC2::SecurityGroupIngress")
        .values()
        .forEach(rule -> rules.add(properties(rule)));

    assertThat(rules).isNotEmpty();
    for (Map<String, Object> rule : rules) {
      assertThat(rule).doesNotContainKey("CidrIpv6");
      assertThat(rule.get("FromPort")).as("ingress %s", rule).isEqualTo(5439);
      assertThat(rule.get("ToPort")).as("ingress %s", rule).isEqualTo(5439);
      Object cidr = rule.get("CidrIp");
      if (cidr != null) {
        // Only the CIDR the person deploying gives, which has no default and refuses /0.
        assertThat(cidr).isEqualTo(Map.of("Ref", "AllowedCidr"));
      } else {
        assertThat(rule).containsKey("SourceSecurityGroupId");
      }
    }
    walk(
        TEMPLATE_TREE.get("Resources"),
        (path, node) -> assertThat(node).as(path).isNotIn("0.0.0.0/0", "::/0"));
  }

  @Test
  void noPasswordIsInTheTemplateItsParametersOrItsOutputs() {
    assertThat(map(TEMPLATE_TREE.get("Parameters")).keySet())
        .noneMatch(name -> name.matches("(?i).*(password|passwd|pwd|secret).*"));

    for (Map<String, Object> cluster : resources("AWS::Redshift::Cluster").values()) {
      Map<String, Object> properties = properties(cluster);
      if (!Boolean.TRUE.equals(properties.get("ManageMasterPassword"))) {
        String password = subString(properties.get("MasterUserPassword"));
        Matcher reference =
            Pattern.compile("\\{\\{resolve:secretsmanager:\\$\\{(\\w+)}:SecretString:password}}")
                .matcher(password);
        assertThat(reference.matches()).as("MasterUserPassword %s", password).isTrue();
        Map<String, Object> secret = resource(reference.group(1));
        assertThat(secret.get("Type")).isEqualTo("AWS::SecretsManager::Secret");
        assertThat(properties(secret)).containsKey("GenerateSecretString");
      }
    }
    for (Map<String, Object> secret : resources("AWS::SecretsManager::Secret").values()) {
      assertThat(properties(secret)).doesNotContainKey("SecretString");
    }
    // Any other key that looks like a password may only hold a number, a flag or a reference.
    walk(
        TEMPLATE_TREE,
        (path, node) -> {
          if (path.matches("(?i).*password[^/]*")
              && !(node instanceof Number || node instanceof Boolean)) {
            assertThat(subString(node)).as(path).startsWith("{{resolve:secretsmanager:");
          }
        });
    walk(
        TEMPLATE_TREE.get("Outputs"),
        (path, node) -> assertThat(String.valueOf(node)).as(path).doesNotContain("resolve:"));
  }

  @Test
  void bucketsAreEncryptedPrivateAndRefuseUnencryptedTransport() {
    Map<String, Map<String, Object>> buckets = resources("AWS::S3::Bucket");
    assertThat(buckets).containsKeys("TempBucket");
    buckets.forEach(
        (name, bucket) -> {
          Map<String, Object> properties = properties(bucket);
          List<Object> encryption =
              list(
                  map(properties.get("BucketEncryption")).get("ServerSideEncryptionConfiguration"));
          assertThat(encryption).as(name).isNotEmpty();
          encryption.forEach(
              rule ->
                  assertThat(
                          map(map(rule).get("ServerSideEncryptionByDefault")).get("SSEAlgorithm"))
                      .as(name)
                      .isIn("AES256", "aws:kms", "aws:kms:dsse"));
          assertThat(map(properties.get("PublicAccessBlockConfiguration")))
              .as(name)
              .containsExactlyInAnyOrderEntriesOf(
                  Map.of(
                      "BlockPublicAcls", true,
                      "BlockPublicPolicy", true,
                      "IgnorePublicAcls", true,
                      "RestrictPublicBuckets", true));
          assertThat(deniesInsecureTransport(name)).as("%s denies non-TLS requests", name).isTrue();
        });
  }

  @Test
  void tempBucketExpiresEveryStagedFile() {
    assertThat(output("TempBucketName")).isEqualTo(Map.of("Ref", "TempBucket"));
    List<Object> rules =
        list(map(properties("TempBucket").get("LifecycleConfiguration")).get("Rules"));
    assertThat(rules)
        .anySatisfy(
            rule -> {
              Map<String, Object> expiry = map(rule);
              assertThat(expiry).containsEntry("Status", "Enabled");
              assertThat(expiry).doesNotContainKeys("Prefix", "Filter"); // the whole bucket
              assertThat(expiry)
                  .containsEntry("ExpirationInDays", Map.of("Ref", "TempExpirationDays"));
            });
    Map<String, Object> days = parameter("TempExpirationDays");
    assertThat(days).containsEntry("Type", "Number");
    assertThat((Integer) days.get("Default")).isBetween(1, 30);
    assertThat((Integer) days.get("MinValue")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void copyRoleIsAssumedByRedshiftAndReadsOnlyTheInputAndTempBuckets() {
    assertThat(list(properties("RedshiftCluster").get("IamRoles")))
        .containsExactly(Map.of("Fn::GetAtt", List.of("CopyRole", "Arn")));
    Map<String, Object> role = properties("CopyRole");
    assertThat(trustedServices(role)).containsExactly("redshift.amazonaws.com");
    assertThat(role).doesNotContainKeys("ManagedPolicyArns", "PermissionsBoundary");
    assertThat(parameter("InputBucket")).containsEntry("Default", "udacity-dend");

    List<Map<String, Object>> statements = statements(role);
    assertThat(statements).isNotEmpty();
    for (Map<String, Object> statement : statements) {
      assertThat(statement)
          .containsEntry("Effect", "Allow")
          .doesNotContainKeys("NotAction", "NotResource");
      List<String> actions = actions(statement);
      assertThat(actions).isSubsetOf(COPY_ACTIONS);
      Set<String> buckets = buckets(statement);
      assertThat(buckets).isSubsetOf("InputBucket", "TempBucket");
      if (actions.contains("s3:PutObject") || actions.contains("s3:DeleteObject")) {
        assertThat(buckets).as("writes only to the temp bucket").containsExactly("TempBucket");
      }
    }
  }

  @Test
  void everyIamPolicyNamesItsActionsAndResources() {
    Map<String, Map<String, Object>> roles = resources("AWS::IAM::Role");
    assertThat(roles).containsKeys("CopyRole", "EmrServiceRole", "EmrInstanceRole");
    assertThat(resources("AWS::IAM::Policy")).isEmpty();
    assertThat(resources("AWS::IAM::ManagedPolicy")).isEmpty();
    roles.forEach(
        (name, role) -> {
          for (Map<String, Object> statement : statements(properties(role))) {
            assertThat(statement).as(name).containsEntry("Effect", "Allow");
            assertThat(statement).as(name).doesNotContainKeys("NotAction", "NotResource");
            assertThat(actions(statement)).as(name).noneMatch(action -> action.contains("*"));
            walk(
                statement.get("Resource"),
                (path, node) -> assertThat(node).as("%s resource", name).isNotEqualTo("*"));
          }
          for (Object managed :
              list(properties(role).getOrDefault("ManagedPolicyArns", List.of()))) {
            assertThat(subString(managed))
                .as(name)
                .isEqualTo(
                    "arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonEMRServicePolicy_v2");
          }
        });
  }

  @Test
  void clusterIsEncryptedPrivateAndRequiresSsl() {
    Map<String, Object> cluster = properties("RedshiftCluster");
    assertThat(cluster).containsEntry("Encrypted", true);
    Object publiclyAccessible = cluster.get("PubliclyAccessible");
    if (publiclyAccessible instanceof Map<?, ?> reference) {
      assertThat(parameter((String) reference.get("Ref"))).containsEntry("Default", "false");
    } else {
      assertThat(publiclyAccessible).isEqualTo(false);
    }
    assertThat(cluster)
        .containsEntry("ClusterSubnetGroupName", Map.of("Ref", "ClusterSubnetGroup"));
    assertThat(list(cluster.get("VpcSecurityGroupIds")))
        .containsExactly(Map.of("Fn::GetAtt", List.of("RedshiftSecurityGroup", "GroupId")));
    assertThat(cluster).containsEntry("NodeType", Map.of("Ref", "NodeType"));
    assertThat(parameter("NumberOfNodes")).containsEntry("Type", "Number");

    String parameterGroup = (String) map(cluster.get("ClusterParameterGroupName")).get("Ref");
    assertThat(list(properties(parameterGroup).get("Parameters")))
        .contains(Map.of("ParameterName", "require_ssl", "ParameterValue", "true"));
    assertThat(properties("ClusterSubnetGroup"))
        .containsEntry("SubnetIds", Map.of("Ref", "SubnetIds"));
    assertThat(parameter("SubnetIds")).containsEntry("Type", "List<AWS::EC2::Subnet::Id>");
    assertThat(parameter("VpcId")).containsEntry("Type", "AWS::EC2::VPC::Id");
  }

  @Test
  void emrRolesCanRunTheJobAsAStepAndReadTheSecret() {
    Map<String, Object> service = properties("EmrServiceRole");
    assertThat(trustedServices(service)).containsExactly("elasticmapreduce.amazonaws.com");
    assertThat(statements(service))
        .singleElement()
        .satisfies(
            passRole -> {
              assertThat(actions(passRole)).containsExactly("iam:PassRole");
              assertThat(list(passRole.get("Resource")))
                  .containsExactly(Map.of("Fn::GetAtt", List.of("EmrInstanceRole", "Arn")));
            });

    Map<String, Object> instance = properties("EmrInstanceRole");
    assertThat(trustedServices(instance)).containsExactly("ec2.amazonaws.com");
    // EMR refuses an instance profile whose name differs from its role's.
    assertThat(properties("EmrInstanceProfile"))
        .containsEntry("InstanceProfileName", Map.of("Ref", "EmrInstanceRole"))
        .containsEntry("Roles", List.of(Map.of("Ref", "EmrInstanceRole")));
    List<Map<String, Object>> statements = statements(instance);
    assertThat(statements)
        .anySatisfy(
            statement -> {
              assertThat(actions(statement)).contains("secretsmanager:GetSecretValue");
              assertThat(list(statement.get("Resource")))
                  .containsExactly(Map.of("Ref", "MasterSecret"));
            });
    assertThat(statements)
        .anySatisfy(
            statement -> {
              assertThat(actions(statement)).containsExactly("s3:GetObject");
              assertThat(buckets(statement)).contains("InputBucket", "ArtifactBucket");
            });
    for (Map<String, Object> statement : statements) {
      if (actions(statement).stream().anyMatch(action -> action.startsWith("s3:"))) {
        assertThat(buckets(statement)).isSubsetOf("InputBucket", "TempBucket", "ArtifactBucket");
      }
      if (actions(statement).contains("s3:PutObject")
          || actions(statement).contains("s3:DeleteObject")) {
        assertThat(buckets(statement)).doesNotContain("InputBucket");
      }
    }
  }

  @Test
  void outputsNameEverythingTheScriptsAndTheJobNeed() {
    assertThat(map(TEMPLATE_TREE.get("Outputs")))
        .containsKeys(
            "ClusterEndpoint",
            "CopyRoleArn",
            "TempBucketName",
            "MasterSecretArn",
            "EmrServiceRoleName",
            "EmrInstanceProfileName");
    assertThat(output("ClusterEndpoint"))
        .isEqualTo(
            Map.of(
                "Fn::Sub", "${RedshiftCluster.Endpoint.Address}:${RedshiftCluster.Endpoint.Port}"));
    assertThat(output("MasterSecretArn")).isEqualTo(Map.of("Ref", "MasterSecret"));
  }

  @Test
  void everyStackOutputTheScriptsReadExists() throws IOException {
    var read = new TreeSet<String>();
    for (String script : List.of("common.sh", "up.sh", "status.sh", "down.sh")) {
      Matcher key =
          Pattern.compile("outputs\\[(\\w+)]")
              .matcher(Files.readString(AWS_SCRIPTS.resolve(script)));
      while (key.find()) {
        read.add(key.group(1));
      }
    }
    assertThat(read).contains("ClusterEndpoint", "TempBucketName", "ClusterIdentifier");
    assertThat(map(TEMPLATE_TREE.get("Outputs")).keySet()).containsAll(read);
  }

  // ------------------------------------------------------------------------------ the scripts

  @BeforeEach
  void putAnAwsStandInFirstOnThePath() throws IOException {
    Path bin = Files.createDirectories(temporary.resolve("bin"));
    awsCalled = temporary.resolve("aws-was-called");
    Path aws = bin.resolve("aws");
    Files.writeString(aws, "#!/bin/sh\necho \"$*\" >> '" + awsCalled + "'\nexit 97\n");
    Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void upDryRunPrintsTheDeployWithTheTemplateCapabilitiesAndParameters() throws Exception {
    Result up =
        run(
            "up.sh",
            "--dry-run",
            "--region",
            "us-west-2",
            "--vpc-id",
            "vpc-0abc123",
            "--subnet-ids",
            "subnet-0aa,subnet-0bb",
            "--allowed-cidr",
            "203.0.113.7/32",
            "--node-type",
            "ra3.xlplus",
            "--number-of-nodes",
            "2",
            "--input-bucket",
            "my-input",
            "--temp-expiry-days",
            "7");

    assertThat(up.exitCode()).as(up.stderr()).isZero();
    List<String> commands = up.stdoutLines();
    assertThat(commands).allMatch(line -> line.startsWith("aws "));
    String deploy = commands.get(0);
    assertThat(deploy)
        .startsWith("aws cloudformation deploy ")
        .contains("--region us-west-2", "--stack-name sparkify")
        .contains("--template-file " + TEMPLATE)
        .contains("--capabilities CAPABILITY_NAMED_IAM")
        .endsWith(
            "--parameter-overrides VpcId=vpc-0abc123 SubnetIds=subnet-0aa,subnet-0bb"
                + " AllowedCidr=203.0.113.7/32 NodeType=ra3.xlplus NumberOfNodes=2"
                + " InputBucket=my-input TempExpirationDays=7");
    String overrides = deploy.substring(deploy.indexOf("--parameter-overrides ") + 22);
    assertThat(map(TEMPLATE_TREE.get("Parameters")).keySet())
        .containsAll(
            Arrays.stream(overrides.split(" "))
                .map(pair -> pair.substring(0, pair.indexOf('=')))
                .toList());
    assertThat(commands.get(1))
        .isEqualTo(
            "aws cloudformation describe-stacks --region us-west-2 --stack-name sparkify"
                + " --query 'Stacks[0].Outputs[].[OutputKey,OutputValue]' --output text");
    assertThat(up.stderrLines())
        .contains(
            "warehouse.kind = \"redshift\"",
            "warehouse.url = \"jdbc:redshift://<ClusterEndpoint>/<DatabaseName>\"",
            "warehouse.user = \"<MasterUsername>\"",
            "warehouse.iam-role = \"<CopyRoleArn>\"",
            "warehouse.tempdir = \"s3a://<TempBucketName>/tmp\"",
            "warehouse.tempdir-region = \"<TempBucketRegion>\"",
            "warehouse.password-secret = \"<MasterSecretArn>\"")
        .noneMatch(line -> line.startsWith("warehouse.password ="));
    assertThat(awsCalled).doesNotExist();
  }

  @Test
  void upDryRunNamesTheStackAndWritesNoConfig() throws Exception {
    Path config = temporary.resolve("stack.conf");
    Result up =
        run(
            "up.sh",
            "--dry-run",
            "--stack-name",
            "sparkify-test",
            "--region",
            "eu-west-1",
            "--vpc-id",
            "vpc-1",
            "--subnet-ids",
            "subnet-1",
            "--allowed-cidr",
            "10.0.0.0/16",
            "--publicly-accessible",
            "--write-config",
            config.toString());

    assertThat(up.exitCode()).as(up.stderr()).isZero();
    assertThat(up.stdoutLines().get(0))
        .contains("--stack-name sparkify-test", "--region eu-west-1")
        .endsWith("AllowedCidr=10.0.0.0/16 PubliclyAccessible=true");
    assertThat(up.stderr()).contains("Would write these settings to " + config);
    assertThat(config).doesNotExist();
    assertThat(awsCalled).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"--region", "--vpc-id", "--subnet-ids", "--allowed-cidr"})
  void upRefusesAMissingRequiredFlagWithOneLine(String missing) throws Exception {
    var arguments = new LinkedHashMap<String, String>();
    arguments.put("--region", "us-west-2");
    arguments.put("--vpc-id", "vpc-1");
    arguments.put("--subnet-ids", "subnet-1");
    arguments.put("--allowed-cidr", "10.0.0.0/16");
    arguments.remove(missing);
    var command = new ArrayList<String>(List.of("up.sh", "--dry-run"));
    arguments.forEach(
        (flag, value) -> {
          command.add(flag);
          command.add(value);
        });

    Result up = run(command.toArray(String[]::new));

    assertThat(up.exitCode()).isEqualTo(2);
    assertThat(up.stdout()).isEmpty();
    assertThat(up.stderrLines()).singleElement().asString().startsWith("up.sh: ").contains(missing);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0/0", "0.0.0.0/1", "203.0.113.7", "::/0"})
  void upRefusesAnOpenOrMalformedCidrBeforeCallingAnything(String cidr) throws Exception {
    Result up =
        run(
            "up.sh",
            "--region",
            "us-west-2",
            "--vpc-id",
            "vpc-1",
            "--subnet-ids",
            "subnet-1",
            "--allowed-cidr",
            cidr);

    assertThat(up.exitCode()).isEqualTo(2);
    assertThat(up.stderrLines())
        .singleElement()
        .asString()
        .contains(cidr, "0.0.0.0/0 is never allowed");
    assertThat(awsCalled).doesNotExist();
  }

  @Test
  void statusDryRunPrintsOnlyReadingCalls() throws Exception {
    Result status = run("status.sh", "--dry-run", "--region", "us-east-1", "--stack-name", "other");

    assertThat(status.exitCode()).as(status.stderr()).isZero();
    List<String> commands = status.stdoutLines();
    assertThat(commands).allMatch(line -> line.startsWith("aws "));
    assertThat(commands)
        .anyMatch(
            line ->
                line.startsWith(
                    "aws cloudformation describe-stacks --region us-east-1 --stack-name other "))
        .anyMatch(
            line ->
                line.startsWith(
                    "aws redshift describe-clusters --region us-east-1 --cluster-identifier '<ClusterIdentifier>'"))
        .anyMatch(
            line ->
                line.startsWith(
                    "aws cloudformation describe-stack-events --region us-east-1 --stack-name other"))
        .allMatch(line -> line.matches("aws \\S+ (describe|wait)-.*"));
    assertThat(awsCalled).doesNotExist();
  }

  @Test
  void downDryRunSaysWhatItDeletesAndEmptiesTheBucketsBeforeDeletingTheStack() throws Exception {
    Result down =
        run(
            "down.sh",
            "--dry-run",
            "--region",
            "us-west-2",
            "--final-snapshot",
            "sparkify-final-1");

    assertThat(down.exitCode()).as(down.stderr()).isZero();
    List<String> commands = down.stdoutLines();
    assertThat(commands).allMatch(line -> line.startsWith("aws "));
    List<String> steps =
        List.of(
            "aws cloudformation describe-stacks --region us-west-2 --stack-name sparkify",
            "aws redshift create-cluster-snapshot --region us-west-2 --cluster-identifier '<ClusterIdentifier>' --snapshot-identifier sparkify-final-1",
            "aws redshift wait snapshot-available --region us-west-2 --cluster-identifier '<ClusterIdentifier>' --snapshot-identifier sparkify-final-1",
            "aws s3 rm 's3://<TempBucketName>' --recursive",
            "aws s3 rm 's3://<ArtifactBucketName>' --recursive",
            "aws cloudformation delete-stack --region us-west-2 --stack-name sparkify",
            "aws cloudformation wait stack-delete-complete --region us-west-2 --stack-name sparkify");
    assertThat(commands).hasSize(steps.size());
    for (int step = 0; step < steps.size(); step++) {
      assertThat(commands.get(step)).startsWith(steps.get(step));
    }
    assertThat(down.stderr())
        .contains("deletes stack 'sparkify' in us-west-2")
        .contains("the Redshift cluster and all its data")
        .contains("final snapshot 'sparkify-final-1'")
        .contains(
            "temp bucket", "artifact bucket", "master-password secret", "COPY role", "EMR roles")
        .contains("keeps the input bucket");
    assertThat(awsCalled).doesNotExist();
  }

  @Test
  void downWithoutASnapshotSaysNoneIsKept() throws Exception {
    Result down = run("down.sh", "--dry-run", "--region", "us-west-2");

    assertThat(down.exitCode()).as(down.stderr()).isZero();
    assertThat(down.stdoutLines()).noneMatch(line -> line.contains("snapshot"));
    assertThat(down.stderr()).contains("no final snapshot");
  }

  @Test
  void downRefusesToDeleteUnconfirmedWhenNotRunFromATerminal() throws Exception {
    Result down = run("down.sh", "--region", "us-west-2");

    assertThat(down.exitCode()).isEqualTo(2);
    assertThat(down.stderr()).contains("pass --yes");
    assertThat(awsCalled).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"up.sh", "status.sh", "down.sh"})
  void everyScriptHasHelpRefusesUnknownFlagsAndIsValidBash(String script) throws Exception {
    Result help = run(script, "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.stdout()).startsWith("Usage: scripts/aws/" + script).contains("--dry-run");

    Result unknown = run(script, "--region", "us-west-2", "--bogus");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.stderrLines())
        .singleElement()
        .asString()
        .contains("unknown argument '--bogus'");

    Process syntax =
        new ProcessBuilder("bash", "-n", AWS_SCRIPTS.resolve(script).toString()).start();
    assertThat(syntax.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(syntax.exitValue())
        .as(new String(syntax.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .isZero();
    assertThat(awsCalled).doesNotExist();
  }

  // ------------------------------------------------------------------------------ helpers

  private record Result(int exitCode, String stdout, String stderr) {
    List<String> stdoutLines() {
      return stdout.lines().toList();
    }

    List<String> stderrLines() {
      return stderr.lines().toList();
    }
  }

  /** Runs scripts/aws/SCRIPT from the project folder, with the aws stand-in first on the PATH. */
  private Result run(String script, String... arguments) throws Exception {
    var command = new ArrayList<String>();
    command.add("bash");
    command.add(AWS_SCRIPTS.resolve(script).toString());
    command.addAll(List.of(arguments));
    Path stdout = temporary.resolve("stdout");
    Path stderr = temporary.resolve("stderr");
    var builder =
        new ProcessBuilder(command)
            .directory(PROJECT.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("AWS_"));
    environment.put(
        "PATH", temporary.resolve("bin") + ":" + environment.getOrDefault("PATH", "/usr/bin:/bin"));
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(script + " did not finish within 60 s");
    }
    return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
  }

  private Result run(String[] scriptAndArguments) throws Exception {
    return run(
        scriptAndArguments[0],
        Arrays.copyOfRange(scriptAndArguments, 1, scriptAndArguments.length));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node) {
    assertThat(node).isInstanceOf(Map.class);
    return (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object node) {
    assertThat(node).isInstanceOf(List.class);
    return (List<Object>) node;
  }

  private static Map<String, Object> parameter(String name) {
    Map<String, Object> parameters = map(TEMPLATE_TREE.get("Parameters"));
    assertThat(parameters).containsKey(name);
    return map(parameters.get(name));
  }

  private static Object output(String name) {
    Map<String, Object> outputs = map(TEMPLATE_TREE.get("Outputs"));
    assertThat(outputs).containsKey(name);
    return map(outputs.get(name)).get("Value");
  }

  private static Map<String, Object> resource(String name) {
    Map<String, Object> resources = map(TEMPLATE_TREE.get("Resources"));
    assertThat(resources).containsKey(name);
    return map(resources.get(name));
  }

  private static Map<String, Map<String, Object>> resources(String type) {
    return map(TEMPLATE_TREE.get("Resources")).entrySet().stream()
        .filter(entry -> type.equals(map(entry.getValue()).get("Type")))
        .collect(
            Collectors.toMap(
                Map.Entry::getKey,
                entry -> map(entry.getValue()),
                (a, b) -> a,
                LinkedHashMap::new));
  }

  private static Map<String, Object> properties(String resource) {
    return properties(resource(resource));
  }

  private static Map<String, Object> properties(Map<String, Object> resource) {
    return map(resource.get("Properties"));
  }

  /** The text of a string or of a {@code !Sub} string. */
  private static String subString(Object node) {
    if (node instanceof Map<?, ?> function && function.get("Fn::Sub") instanceof String text) {
      return text;
    }
    assertThat(node).as("a string or !Sub string").isInstanceOf(String.class);
    return (String) node;
  }

  private static List<String> trustedServices(Map<String, Object> role) {
    var services = new ArrayList<String>();
    for (Object statement : list(map(role.get("AssumeRolePolicyDocument")).get("Statement"))) {
      assertThat(map(statement))
          .containsEntry("Effect", "Allow")
          .containsEntry("Action", "sts:AssumeRole");
      services.add((String) map(map(statement).get("Principal")).get("Service"));
    }
    return services;
  }

  private static List<Map<String, Object>> statements(Map<String, Object> role) {
    var statements = new ArrayList<Map<String, Object>>();
    for (Object policy : list(role.getOrDefault("Policies", List.of()))) {
      for (Object statement : list(map(map(policy).get("PolicyDocument")).get("Statement"))) {
        statements.add(map(statement));
      }
    }
    return statements;
  }

  /** A statement's actions, which must be an explicit list of names without wildcards. */
  private static List<String> actions(Map<String, Object> statement) {
    List<Object> actions = list(statement.get("Action"));
    assertThat(actions)
        .isNotEmpty()
        .allSatisfy(action -> assertThat(action).isInstanceOf(String.class));
    List<String> names = actions.stream().map(String.class::cast).toList();
    assertThat(names).noneMatch(name -> name.contains("*") || name.contains("?"));
    return names;
  }

  /** The bucket parameters or resources a statement's S3 ARNs are built from. */
  private static Set<String> buckets(Map<String, Object> statement) {
    var buckets = new TreeSet<String>();
    for (Object resource : list(statement.get("Resource"))) {
      Matcher arn = BUCKET_ARN.matcher(subString(resource));
      assertThat(arn.matches()).as("S3 ARN %s", resource).isTrue();
      assertThat(arn.group(2))
          .as("object part of %s", resource)
          .isIn(null, "/*", "/logs/*", "/quarantine/*");
      buckets.add(arn.group(1));
    }
    return buckets;
  }

  private static boolean deniesInsecureTransport(String bucket) {
    return resources("AWS::S3::BucketPolicy").values().stream()
        .map(CloudFormationTemplateTest::properties)
        .filter(policy -> Map.of("Ref", bucket).equals(policy.get("Bucket")))
        .flatMap(policy -> list(map(policy.get("PolicyDocument")).get("Statement")).stream())
        .map(CloudFormationTemplateTest::map)
        .anyMatch(
            statement ->
                "Deny".equals(statement.get("Effect"))
                    && "*".equals(statement.get("Principal"))
                    && Map.of("Bool", Map.of("aws:SecureTransport", "false"))
                        .equals(statement.get("Condition")));
  }

  /** Calls VISIT with a slash-separated path for every node under NODE. */
  private static void walk(Object node, BiConsumer<String, Object> visit) {
    walk("", node, visit);
  }

  private static void walk(String path, Object node, BiConsumer<String, Object> visit) {
    visit.accept(path, node);
    if (node instanceof Map<?, ?> children) {
      children.forEach((key, child) -> walk(path + "/" + key, child, visit));
    } else if (node instanceof List<?> items) {
      for (int index = 0; index < items.size(); index++) {
        walk(path + "/" + index, items.get(index), visit);
      }
    }
  }
}
