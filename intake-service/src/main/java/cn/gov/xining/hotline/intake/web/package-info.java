/**
 * The HTTP edge of intake shared by every API: the OpenAPI description, request-size and per-client
 * rate limits, with errors as RFC 9457 problem details (on Open311 paths in Open311's own format).
 */
package cn.gov.xining.hotline.intake.web;
