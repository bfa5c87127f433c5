/**
 * Who is calling, for every service's REST API: each request carries a bearer token (an OpenID
 * Connect access token, a JWT) that the service checks as an OAuth2 resource server against the
 * issuer's keys; the caller's roles, unit and channel are the token's claims ({@link
 * cn.gov.xining.hotline.contract.HotlineClaims}), never the request body's. A service says which
 * roles reach which endpoints with an {@link EndpointAccess} bean; 401 and 403 are RFC 9457
 * problems, Chinese first; every write and every read of personal data is recorded on the {@code
 * audit-trail} topic.
 */
package cn.gov.xining.hotline.security;
