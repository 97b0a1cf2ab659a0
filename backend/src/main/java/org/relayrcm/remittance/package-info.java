/**
 * Payment posting: each 835 transaction posted once to our claims and lines, with denied items sent to denial work
 * and everything posting will not decide alone (no such claim, amounts out of balance, reversals, payments nobody
 * awaits) queued for a biller's review.
 */
package org.relayrcm.remittance;
