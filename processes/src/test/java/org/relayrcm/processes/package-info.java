/** Model tests of the revenue-cycle BPMN and DMN on an in-memory engine, with every bean mocked. */
package org.relayrcm.processes;
