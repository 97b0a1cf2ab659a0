package org.relayrcm.security;

/** Role names are Camunda group ids, so a task's candidate group and a user's authority are one string. */
public final class Roles {

    public static final String CODER = "coder";
    public static final String BILLER = "biller";
    public static final String MANAGER = "manager";
    public static final String AUDITOR = "auditor";
    public static final String PHYSICIAN = "physician";
    /** EHR and clearinghouse interfaces that feed encounters in. */
    public static final String INTAKE = "intake";
    /** Camunda's own administrator group: engine REST API and webapps. */
    public static final String ADMIN = "camunda-admin";

    private Roles() {
    }
}
