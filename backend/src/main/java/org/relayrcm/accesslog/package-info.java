/** The append-only log of who read which patient's protected health information, for managers to audit. */
package org.relayrcm.accesslog;
