/**
 * The HTTP edge of intake shared by every API: the OpenAPI description and request-size limits,
 * with errors as RFC 9457 problem details.
 */
package cn.gov.xining.hotline.intake.web;
