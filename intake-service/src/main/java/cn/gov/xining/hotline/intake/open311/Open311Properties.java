package cn.gov.xining.hotline.intake.open311;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param channel the catalog channel Open311 requests are counted under
 * @param contact who integrators ask, shown in discovery
 * @param baseUrl the public URL of the Open311 endpoint, shown in discovery
 * @param jurisdictionId the one jurisdiction this endpoint serves; a request may name it or omit it
 *     (the specification requires it only of endpoints serving several), another is not found
 */
@ConfigurationProperties("hotline.intake.open311")
public record Open311Properties(
    @DefaultValue("city-portal") String channel,
    @DefaultValue("西宁市12345政务服务便民热线 12345@xining.gov.cn") String contact,
    @DefaultValue("http://127.0.0.1:8081/open311/v2") String baseUrl,
    @DefaultValue("xining.gov.cn") String jurisdictionId) {}
