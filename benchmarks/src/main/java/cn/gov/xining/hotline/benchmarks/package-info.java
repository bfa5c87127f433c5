/**
 * Load drivers run by hand against a running system (see docs/benchmarks.md). They send traffic
 * only to the broker they are given, bound in count and time, and stop by themselves.
 */
package cn.gov.xining.hotline.benchmarks;
