package dev.lamplighter.bench.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BrokerSetupTest {
  @Test
  void policy_allowsBenchClientIdsAndTopicsOnly() throws Exception {
    JsonNode policy =
        new ObjectMapper().readTree(BrokerSetup.policyDocument("eu-west-1", "111122223333"));

    JsonNode statements = policy.get("Statement");
    assertThat(statements).hasSize(3);
    assertThat(statements.get(0).get("Resource").asText())
        .isEqualTo("arn:aws:iot:eu-west-1:111122223333:client/bench-*");
    assertThat(statements.get(1).get("Action").toString())
        .isEqualTo("[\"iot:Publish\",\"iot:Receive\"]");
    assertThat(statements.get(1).get("Resource").asText())
        .isEqualTo("arn:aws:iot:eu-west-1:111122223333:topic/bench/*");
    assertThat(statements.get(2).get("Resource").asText())
        .isEqualTo("arn:aws:iot:eu-west-1:111122223333:topicfilter/bench/*");
    statements.forEach(s -> assertThat(s.get("Effect").asText()).isEqualTo("Allow"));
  }
}
