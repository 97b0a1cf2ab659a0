/** Patient statements: the patient's share of a claim billed in a cycle of notices, payments and a manager's review. */
package org.relayrcm.statements;
