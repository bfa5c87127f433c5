package cn.gov.xining.hotline.reporting.daily;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountsSerdeTest {

  private final org.apache.kafka.common.serialization.Serde<Counts> serde = CountsSerde.serde();

  @Test
  void aDaysCountersComeBackAsTheyWereWrittenIncludingChineseKeys() {
    var counts =
        Counts.none()
            .plus(List.of("RECEIVED", "CHANNEL|hotline-phone", "TOPIC_ADDRESS|heating|城西区胜利路"))
            .plus(List.of("RECEIVED"));

    var read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", counts));

    assertThat(read).isEqualTo(counts);
    assertThat(read.get("RECEIVED")).isEqualTo(2);
    assertThat(read.under("TOPIC_ADDRESS")).containsEntry("heating|城西区胜利路", 1L);
  }

  @Test
  void countersWrittenAsJsonByAnEarlierVersionAreStillRead() {
    byte[] json =
        "{\"counts\":{\"RECEIVED\":3,\"DISTRICT|630104\":2}}".getBytes(StandardCharsets.UTF_8);

    var read = serde.deserializer().deserialize("t", json);

    assertThat(read.get("RECEIVED")).isEqualTo(3);
    assertThat(read.get("DISTRICT|630104")).isEqualTo(2);
  }
}
