package dev.lamplighter.bench.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JobMessagesTest {
  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void execution_readsTheJobAndVersionOfANotification() {
    JobMessages.Execution execution =
        JobMessages.execution(
            utf8(
                "{\"timestamp\":1700000000,\"execution\":{\"jobId\":\"bench-devices-1\","
                    + "\"thingName\":\"device-00001\",\"jobDocument\":{\"operation\":\"x\"},"
                    + "\"status\":\"QUEUED\",\"versionNumber\":2,\"executionNumber\":1}}"));

    assertThat(execution).isEqualTo(new JobMessages.Execution("bench-devices-1", 2));
  }

  @Test
  void execution_ofANotificationThatNothingIsPending_isNull() {
    assertThat(JobMessages.execution(utf8("{\"timestamp\":1700000000}"))).isNull();
    assertThat(JobMessages.execution(utf8("not json"))).isNull();
    assertThat(JobMessages.execution(new byte[0])).isNull();
  }

  @Test
  void rejectionCode_isTheReplysCode() {
    assertThat(
            JobMessages.rejectionCode(
                utf8("{\"code\":\"VersionMismatch\",\"message\":\"…\",\"clientToken\":\"t\"}")))
        .isEqualTo("VersionMismatch");
    assertThat(JobMessages.rejectionCode(utf8("{}"))).isEqualTo("?");
  }

  @Test
  void requests_areTheJsonOfTheJobsMqttApi() {
    assertThat(new String(JobMessages.startNext("device-7"), StandardCharsets.UTF_8))
        .isEqualTo("{\"clientToken\":\"device-7\"}");
    assertThat(new String(JobMessages.succeeded(2, "device-7"), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"status\":\"SUCCEEDED\",\"expectedVersion\":2,"
                + "\"statusDetails\":{\"result\":\"installed\"},\"clientToken\":\"device-7\"}");
  }
}
