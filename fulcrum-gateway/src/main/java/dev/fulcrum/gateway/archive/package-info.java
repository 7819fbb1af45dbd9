/**
 * The encrypted request archive on the request path's side: {@link
 * dev.fulcrum.gateway.archive.ArchiveWriter} observes every completed chat request and hands its
 * record (the messages as the client sent them, the answer as the client received it) to the
 * control plane's {@code RequestArchive} on a writer thread of its own.
 */
package dev.fulcrum.gateway.archive;
