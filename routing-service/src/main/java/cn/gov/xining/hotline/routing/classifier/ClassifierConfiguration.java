package cn.gov.xining.hotline.routing.classifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Trains the topic model at start-up; a disabled one never proposes a topic. */
@Configuration(proxyBeanMethods = false)
class ClassifierConfiguration {

  @Bean
  TopicClassifier topicClassifier(ClassifierProperties properties) {
    if (!properties.enabled()) {
      return new TopicClassifier(properties.minimumMargin());
    }
    try {
      var files =
          Arrays.stream(
                  new PathMatchingResourcePatternResolver().getResources(properties.trainingData()))
              .sorted(Comparator.comparing(Resource::getFilename))
              .toList();
      if (files.isEmpty()) {
        throw new IllegalStateException("no training data at " + properties.trainingData());
      }
      return TopicClassifier.trainedOn(files, properties.minimumMargin());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
