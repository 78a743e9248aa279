package com.sparkify.warehouse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretsManagerPasswordTest {

  private static final String ARN = "arn:aws:secretsmanager:us-west-2:123456789012:secret:rs-AbC";

  @Test
  void thePasswordFieldOfTheSecretIsTheSecret() {
    Secret secret =
        SecretsManagerPassword.passwordField(
            "{\"username\":\"awsuser\",\"password\":\"Sentinel-Pass-42\"}", ARN);
    assertThat(secret.value()).isEqualTo("Sentinel-Pass-42");
    assertThat(secret.toString()).isEqualTo("****");
  }

  @Test
  void aSecretWithoutPasswordIsNamedButNotPrinted() {
    assertThatThrownBy(() -> SecretsManagerPassword.passwordField("{\"pwd\":\"Sentinel\"}", ARN))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining(ARN)
        .hasMessageNotContaining("Sentinel");
    assertThatThrownBy(() -> SecretsManagerPassword.passwordField("Sentinel", ARN))
        .hasMessageContaining("not JSON")
        .hasMessageNotContaining("Sentinel");
  }

  @Test
  void aMalformedArnIsAConfigErrorBeforeAnyCall() {
    assertThatThrownBy(() -> SecretsManagerPassword.read("my-secret"))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("warehouse.password-secret");
  }
}
