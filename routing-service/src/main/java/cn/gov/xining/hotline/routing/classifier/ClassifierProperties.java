package cn.gov.xining.hotline.routing.classifier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The learned fallback.
 *
 * @param enabled whether complaints no rule understands get a learned proposal before triage
 * @param trainingData labelled complaints, one JSON object a line with {@code text} and {@code
 *     expected.topic}
 * @param minimumMargin nats by which the best topic must beat the second: 5 means about 150 times
 *     as likely; chosen by leave-one-out on the training data, where guesses at 5 were right 96% of
 *     the time and two thirds of the complaints got one
 */
@ConfigurationProperties("hotline.routing.classifier")
public record ClassifierProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("classpath:classifier/labelled-complaints.jsonl") Resource trainingData,
    @DefaultValue("5") double minimumMargin) {}
