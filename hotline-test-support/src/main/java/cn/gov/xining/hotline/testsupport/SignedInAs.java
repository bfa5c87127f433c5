package cn.gov.xining.hotline.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code @SpringBootTest} class with MockMvc: every request carries a {@link TestIssuer} token
 * of this role (and unit) unless it sets its own {@code Authorization} header. Every Spring test
 * context of a module that has this library points the service at the {@link TestIssuer} ({@code
 * hotline.issuer}), with or without this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface SignedInAs {

  /** A {@code HotlineRole} name. */
  String value();

  /** The unit code, for {@code UNIT}. */
  String unit() default "";

  /** The channel code, for {@code GATEWAY}. */
  String channel() default "";
}
