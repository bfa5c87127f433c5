package cn.gov.xining.hotline.intake.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.xining.hotline.contract.Topics;
import cn.gov.xining.hotline.testsupport.TopicProbe;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

@EmbeddedKafka(topics = Topics.TICKETS_RECEIVED, partitions = 3)
class PublishedNumbersOnKafkaTest {

  @Test
  void findsTheHighestSequenceTheNodePublishedThatDayAcrossEveryPartition(
      EmbeddedKafkaBroker broker) throws Exception {
    // given tickets of two days and two nodes on tickets-received, spread over its partitions
    var probe = new TopicProbe(broker.getBrokersAsString());
    for (String number :
        List.of(
            "260131-01-0007",
            "260131-01-0950",
            "260131-01-0012",
            "260131-02-1200",
            "260130-01-3000",
            "not-a-ticket-number")) {
      probe.sendRaw(Topics.TICKETS_RECEIVED, number, "{}");
    }
    var kafka = new KafkaProperties();
    kafka.setBootstrapServers(List.of(broker.getBrokersAsString()));
    var published = new PublishedNumbersOnKafka(kafka);

    // then
    assertThat(published.highest(LocalDate.parse("2026-01-31"), 1)).hasValue(950);
    assertThat(published.highest(LocalDate.parse("2026-01-31"), 2)).hasValue(1200);
    assertThat(published.highest(LocalDate.parse("2026-02-01"), 1)).isEmpty();
  }
}
