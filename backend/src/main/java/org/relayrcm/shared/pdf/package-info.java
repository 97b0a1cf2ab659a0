/** Letter-style PDF documents (statements, appeal letters) in PDFBox's standard fonts. */
package org.relayrcm.shared.pdf;
