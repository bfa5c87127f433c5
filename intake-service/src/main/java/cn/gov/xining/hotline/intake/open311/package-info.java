/**
 * Open311 GeoReport v2 beside the native API, for city apps that already speak it: discovery, the
 * topics as services, form-encoded service requests, and their status (open/closed, the agency
 * responsible, the expected date), in JSON and XML, for the one configured jurisdiction, every
 * error on its paths as the specification gives them.
 */
package cn.gov.xining.hotline.intake.open311;
