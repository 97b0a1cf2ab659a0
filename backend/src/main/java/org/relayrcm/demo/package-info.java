/** Demo payers and encounters for the embedded quick start; never active in the postgres profile. */
package org.relayrcm.demo;
