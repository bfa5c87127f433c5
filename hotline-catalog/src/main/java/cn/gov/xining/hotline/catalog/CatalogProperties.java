package cn.gov.xining.hotline.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the catalog comes from.
 *
 * @param location a Spring resource; another city points this at its own file
 */
@ConfigurationProperties("hotline.catalog")
public record CatalogProperties(
    @DefaultValue("classpath:catalog/xining-catalog.yaml") Resource location) {}
