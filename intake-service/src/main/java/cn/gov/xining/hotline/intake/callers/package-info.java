/**
 * Callers' contact details and their privacy: the clear phone number and name stay here, encrypted
 * at rest (AES-GCM), for the callback (回访); events and logs carry only a masked number and a keyed
 * hash, which also lets an operator find a repeat caller's earlier tickets.
 */
package cn.gov.xining.hotline.intake.callers;
