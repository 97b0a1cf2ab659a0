/**
 * The door to the outside: the Clearinghouse port and its outbox adapter, the intake of what comes back (inbox folder
 * and upload, each file recorded once), and the built-in payer simulator.
 */
package org.relayrcm.clearinghouse;
