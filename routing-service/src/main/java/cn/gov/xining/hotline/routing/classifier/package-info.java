/**
 * The learned fallback for complaints no rule understands: a naive Bayes classifier over the
 * characters and character pairs of labelled complaints. It proposes a topic only when it is
 * clearly more likely than the next one, and names the character pairs that decided, so its
 * decisions stay explainable; otherwise the ticket stays in triage.
 */
package cn.gov.xining.hotline.routing.classifier;
