/** Who may do what: users and groups live in Camunda's identity service; roles are its group ids. */
package org.relayrcm.security;
