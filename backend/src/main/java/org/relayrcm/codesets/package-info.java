/**
 * Code sets (ICD-10-CM, HCPCS, CPT, OPCS-4, ICD-10): versioned imports of the official files, the version in
 * force on a date of service, and in-memory search and lookup for coders and validators.
 */
package org.relayrcm.codesets;
