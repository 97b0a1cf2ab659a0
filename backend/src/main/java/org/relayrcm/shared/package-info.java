/** The small shared kernel: problem details, paging and money helpers that every feature speaks. */
package org.relayrcm.shared;
