/** Payment posting: 835 remittance advice posted to claims, once, with denials recorded. */
package org.relayrcm.remittance;
