package org.relayrcm.codesets;

public enum CodeSystem { ICD10CM, HCPCS, CPT }
