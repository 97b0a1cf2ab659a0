/** Denial work: a biller corrects and resubmits a denied claim, or writes it off. */
package org.relayrcm.denials;
