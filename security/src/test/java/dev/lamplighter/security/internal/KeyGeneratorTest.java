package dev.lamplighter.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.core.random.IdSource;
import org.junit.jupiter.api.RepeatedTest;

class KeyGeneratorTest {
  private final KeyGenerator generator = new KeyGenerator(IdSource.secure());

  @RepeatedTest(20)
  void generatedIds_haveAwsShapes() {
    assertThat(generator.accountId().value()).matches("[1-9][0-9]{11}");
    assertThat(generator.accessKeyId()).matches("LLAK[A-Z2-7]{16}");
    assertThat(generator.secretAccessKey()).matches("[A-Za-z0-9+/]{40}");
  }
}
