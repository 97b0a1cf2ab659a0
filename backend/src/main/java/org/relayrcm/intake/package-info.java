/** Encounters arrive with their documentation and start the revenue-cycle relay. */
package org.relayrcm.intake;
