/**
 * Finding phrases in Chinese text fast: one pass over the text finds every occurrence of every
 * phrase of a dictionary (Aho–Corasick), which is what keyword rules and the gazetteer need. No
 * word segmentation: Chinese phrases are matched as character sequences.
 */
package cn.gov.xining.hotline.routing.text;
