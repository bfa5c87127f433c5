/**
 * Hot topics (热点问题): what the appeals of a topic are mainly about, the "主要反映…问题" of the daily and
 * weekly bulletins, taken from the appeals' own words with HanLP's segmentation and parts of speech
 * rather than from the routing rules' keywords.
 */
package cn.gov.xining.hotline.reporting.hottopics;
