package com.sparkify.warehouse.config;

import com.amazonaws.AmazonClientException;
import com.amazonaws.services.secretsmanager.AWSSecretsManager;
import com.amazonaws.services.secretsmanager.AWSSecretsManagerClientBuilder;
import com.amazonaws.services.secretsmanager.model.GetSecretValueRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the warehouse password from the AWS Secrets Manager secret {@code
 * warehouse.password-secret}, as the CloudFormation stack of scripts/aws/ creates it: JSON with a
 * "password" field. Uses the AWS SDK that hadoop-aws brings (and EMR provides), with the default
 * credentials chain (the instance profile on EMR). The secret's text never reaches a message.
 */
public final class SecretsManagerPassword {

  private static final Pattern ARN =
      Pattern.compile("arn:aws[a-z-]*:secretsmanager:([a-z0-9-]+):[0-9]{12}:secret:.+");

  private SecretsManagerPassword() {}

  /** The password of the secret, fetched from its own region. */
  public static Secret read(String secretArn) {
    Matcher arn = ARN.matcher(secretArn);
    if (!arn.matches()) {
      throw ConfigError.invalid(
          "warehouse.password-secret",
          secretArn,
          "expected arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME");
    }
    AWSSecretsManager client =
        AWSSecretsManagerClientBuilder.standard().withRegion(arn.group(1)).build();
    try {
      String json =
          client
              .getSecretValue(new GetSecretValueRequest().withSecretId(secretArn))
              .getSecretString();
      return passwordField(json, secretArn);
    } catch (AmazonClientException e) {
      throw new ConfigError(
          "Cannot read warehouse.password-secret "
              + secretArn
              + ": "
              + e.getMessage()
              + " (the instance profile or AWS profile needs secretsmanager:GetSecretValue)",
          e);
    } finally {
      client.shutdown();
    }
  }

  /** The "password" field of the secret's JSON. */
  static Secret passwordField(String json, String secretArn) {
    JsonNode password;
    try {
      password = new ObjectMapper().readTree(json == null ? "" : json).path("password");
    } catch (IOException e) {
      throw new ConfigError("Secret " + secretArn + " is not JSON with a \"password\" field");
    }
    if (!password.isTextual() || password.asText().isEmpty()) {
      throw new ConfigError("Secret " + secretArn + " has no \"password\" field");
    }
    return new Secret(password.asText());
  }
}
