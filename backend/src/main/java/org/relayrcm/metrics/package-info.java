/** What managers watch: technical incidents now; KPIs and the process heatmap grow here. */
package org.relayrcm.metrics;
