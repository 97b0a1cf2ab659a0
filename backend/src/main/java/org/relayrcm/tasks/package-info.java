/** The task list over Camunda's user tasks: listing, claiming and completing the work people do. */
package org.relayrcm.tasks;
