/** The door to the outside: the Clearinghouse port, its adapters, and the built-in payer simulator. */
package org.relayrcm.clearinghouse;
