package cn.gov.xining.hotline.routing.classifier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Trains the topic model at start-up; a disabled one never proposes a topic. */
@Configuration(proxyBeanMethods = false)
class ClassifierConfiguration {

  @Bean
  TopicClassifier topicClassifier(ClassifierProperties properties) {
    return properties.enabled()
        ? TopicClassifier.trainedOn(properties.trainingData(), properties.minimumMargin())
        : new TopicClassifier(properties.minimumMargin());
  }
}
