/**
 * Reading and writing ASC X12 5010 files (837P claims out, 835 remittances in) with StAEDI; pure Java, no Spring,
 * so the format rules can be tested without a running application.
 */
package org.relayrcm.edi;
