/** Claims: built from the final codes, priced from the chargemaster, guarded through their life. */
package org.relayrcm.claims;
