/**
 * Masking the personal numbers (phone, resident ID and bank card numbers) a citizen or a unit
 * writes in free text, before an appeal or a status detail is stored or published. Used by {@code
 * tickets} and {@code history} and depending on neither, so both may mask without depending on each
 * other or on {@code callers}, which keeps the caller's own contact details.
 */
package cn.gov.xining.hotline.intake.masking;
