/**
 * Which district (区县) an appeal is in: a gazetteer of Xining's streets, towns, townships, roads and
 * landmarks per district code (the catalog's sample {@code places} merged with {@code
 * gazetteer/xining-places.yaml}), and {@link
 * cn.gov.xining.hotline.routing.districts.DistrictResolver}, which reads the address and the text
 * of an appeal in one pass each and names the district only when the evidence agrees, explaining in
 * Chinese and English why it did or could not.
 */
package cn.gov.xining.hotline.routing.districts;
