package cn.gov.xining.hotline.routing.classifier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The topic model.
 *
 * @param enabled whether the model proposes topics; a disabled one never does
 * @param trainingData where the labelled complaints are, a Spring resource pattern: one JSON object
 *     a line with {@code text} and {@code expected.topic}; by default the customer's samples and
 *     1,700 appeals written for this project in the voices of operators' summaries and citizens'
 *     messages
 * @param minimumMargin nats by which the best topic must beat the second before the model proposes
 *     it: 5 means about 150 times as likely
 */
@ConfigurationProperties("hotline.routing.classifier")
public record ClassifierProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue(TopicClassifier.TRAINING_DATA) String trainingData,
    @DefaultValue("5") double minimumMargin) {}
