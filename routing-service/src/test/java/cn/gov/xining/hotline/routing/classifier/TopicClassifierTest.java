package cn.gov.xining.hotline.routing.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.xining.hotline.testsupport.SampleComplaints;
import org.junit.jupiter.api.Test;

class TopicClassifierTest {

  @Test
  void atItsConfiguredMarginTheFallbackIsRightNineTimesOutOfTenWhenItGuesses() {
    // Leave-one-out over the training data: each complaint is classified by a model that never
    // saw it.
    var labelled = SampleComplaints.fromClasspath("classifier/labelled-complaints.jsonl");
    int guessed = 0;
    int right = 0;
    for (int left = 0; left < labelled.size(); left++) {
      var classifier = new TopicClassifier(5);
      for (int i = 0; i < labelled.size(); i++) {
        if (i != left) {
          classifier.learn(labelled.get(i).expected().topic(), labelled.get(i).text());
        }
      }
      var guess = classifier.classify(labelled.get(left).text());
      if (guess.isPresent()) {
        guessed++;
        right += guess.get().topic().equals(labelled.get(left).expected().topic()) ? 1 : 0;
      }
    }
    System.out.printf(
        "fallback leave-one-out: guessed %d of %d, right %d%n", guessed, labelled.size(), right);

    assertThat(right / (double) guessed).isGreaterThanOrEqualTo(0.90);
    assertThat(guessed / (double) labelled.size()).isGreaterThanOrEqualTo(0.5);
  }

  @Test
  void aGuessNamesTheWordsThatDecided() {
    var classifier = new TopicClassifier(1);
    classifier.learn("heating", "暖气片冰凉，屋里很冷");
    classifier.learn("heating", "暖气不热，家里冷");
    classifier.learn("wage-arrears", "老板欠工钱不给");
    classifier.learn("wage-arrears", "工钱一直拖着");

    var guess = classifier.classify("家里暖气冰凉").orElseThrow();

    assertThat(guess.topic()).isEqualTo("heating");
    assertThat(guess.runnerUp()).isEqualTo("wage-arrears");
    assertThat(guess.evidence()).contains("暖气", "冰凉");
  }

  @Test
  void itDoesNotGuessWhenTwoTopicsAreAlmostEquallyLikely() {
    var classifier = new TopicClassifier(5);
    classifier.learn("heating", "暖气不热");
    classifier.learn("water-supply", "停水了");

    assertThat(classifier.classify("我要反映一个情况")).isEmpty();
  }
}
