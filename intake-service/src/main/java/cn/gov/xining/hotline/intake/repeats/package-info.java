/**
 * Repeat appeals (重复件): an appeal about the same problem at the same place as a ticket a unit is
 * still handling is linked to that ticket, so the operator can tell the caller it is already being
 * handled, the unit gets one case, and every citizen is called back. Intake proposes the link from
 * what it can see at once (the place, the words, the window, the operator's topic); routing makes
 * it only if it places the appeal in the open ticket's topic. The rules and their measured error
 * rates: docs/repeat-appeals.md.
 */
package cn.gov.xining.hotline.intake.repeats;
