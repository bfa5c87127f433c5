/**
 * What a client may send, the same on every service: how large a body may be and how slowly it may
 * arrive, how long a connection may idle and how many there may be, and that a JSON body names only
 * fields its endpoint knows. A request past a limit is refused with a 4xx that says which limit and
 * by how much, before anything is stored or published.
 */
package cn.gov.xining.hotline.security.input;
