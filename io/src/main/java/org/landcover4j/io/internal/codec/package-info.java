/**
 * Codecs shared by landcover4j's own file readers (the zlib/DEFLATE decoder used by GeoTIFF and PNG).
 *
 * <p><b>Internal:</b> public only so that the reader packages can share them. Not part of the library's API; no
 * compatibility is promised, and applications should not use these classes.
 */
package org.landcover4j.io.internal.codec;
