/**
 * Implementation of the snapshot store: the value encoding ({@code ValueCodec}), chunk and
 * manifest formats, writers and readers over IMaps, and the on-disk export file format
 * ({@code SnapshotFile}). Nothing here is public API.
 */
package io.contrail.snapshot.impl;
