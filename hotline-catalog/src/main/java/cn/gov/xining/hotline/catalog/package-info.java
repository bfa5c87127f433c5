/**
 * The city's reference catalog: channels (诉求来源渠道), districts (区县, GB/T 2260 codes) with a sample
 * gazetteer, responsible units (责任单位) and appeal topics (诉求分类) with their lead and co-handling
 * units and time limits. It is customer data, read from YAML at start-up so another city replaces a
 * file, not code; every service gets the same {@link Catalog} bean.
 */
package cn.gov.xining.hotline.catalog;
