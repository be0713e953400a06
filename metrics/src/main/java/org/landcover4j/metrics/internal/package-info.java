/**
 * Helpers shared by the metrics packages (JSON writing and reading with the module's conventions).
 *
 * <p><b>Internal:</b> public only so that the metrics subpackages can share them. Not part of the library's API;
 * no compatibility is promised, and applications should not use these classes.
 */
package org.landcover4j.metrics.internal;
