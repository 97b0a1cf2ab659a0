/** Code sets (ICD-10-CM, HCPCS, CPT numbers): lookup and search for coders and validators. */
package org.relayrcm.codesets;
