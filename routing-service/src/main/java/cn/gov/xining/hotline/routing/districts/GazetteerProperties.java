package cn.gov.xining.hotline.routing.districts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the gazetteer comes from.
 *
 * @param location a Spring resource whose district codes must all be in the catalog; another city
 *     points this at its own file
 */
@ConfigurationProperties("hotline.routing.gazetteer")
public record GazetteerProperties(
    @DefaultValue("classpath:gazetteer/xining-places.yaml") Resource location) {}
