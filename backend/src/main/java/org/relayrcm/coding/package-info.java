/** The coder's work: a coding case per encounter, its draft and final codes, and their validation. */
package org.relayrcm.coding;
