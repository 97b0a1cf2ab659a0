/**
 * What managers watch: technical incidents (failed jobs, claim files the clearinghouse would not take); KPIs and the
 * process heatmap grow here.
 */
package org.relayrcm.metrics;
