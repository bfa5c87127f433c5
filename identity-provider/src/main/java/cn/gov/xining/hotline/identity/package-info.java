/**
 * The staff, the units' and channels' systems and the browser applications that may sign in, read
 * from {@code hotline.identity} configuration, and the hotline's claims ({@code roles}, {@code
 * unit}, {@code channel}) put into the tokens Spring Authorization Server issues for them.
 */
package cn.gov.xining.hotline.identity;
