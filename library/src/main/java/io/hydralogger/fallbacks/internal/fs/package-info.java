/**
 * The file-system protocol's machinery, not API: per-path locks across threads and processes
 * ({@link io.hydralogger.fallbacks.internal.fs.PathLocks}), whole-line appends with torn-tail
 * repair ({@link io.hydralogger.fallbacks.internal.fs.LineAppender}), fallback files
 * ({@link io.hydralogger.fallbacks.internal.fs.FallbackFiles}), temp files, folders, links, and
 * the names of every file the library makes ({@link io.hydralogger.fallbacks.internal.fs.FileNames}).
 * Not exported by the module.
 *
 * <p>The files made for a target {@code <name>} ({@code <stamp>} is UTC
 * {@code yyyyMMdd'T'HHmmss.SSS'Z'}; a name already taken gets {@code -1}, {@code -2}, ... after
 * the stamp):
 *
 * <table>
 *   <caption>On-disk names</caption>
 *   <tr><th>name</th><th>what</th><th>made by</th><th>removed by</th></tr>
 *   <tr><td>{@code .<name>.<random>.tmp}</td><td>a whole-file write in progress, or a dropped
 *       large backup waiting to be deleted</td><td>every whole-file write; backup rotation</td>
 *       <td>its commit (renamed over the target) or close; a dead writer's by the next write's
 *       sweep</td></tr>
 *   <tr><td>{@code <name>.bak}, {@code <name>.bak.N}</td><td>backup generations (hard links),
 *       newest first</td><td>a whole-file write over an existing file</td><td>rotation past the
 *       configured count</td></tr>
 *   <tr><td>{@code <backup folder>/<name>.<stamp>.bak}</td><td>a backup in a backup folder</td>
 *       <td>same</td><td>pruning to the configured count</td></tr>
 *   <tr><td>{@code <name>.fallback-<stamp>.jsonl}</td><td>the records of a write or append that
 *       failed, beside the target</td><td>the fallback sink</td><td>never (the user's data)</td></tr>
 *   <tr><td>{@code <fallback folder>/<name>.<hash>.fallback-<stamp>.jsonl}</td><td>the same when the
 *       target's folder cannot be written ({@code <hash>}: 8 hex digits of the folder's path)</td>
 *       <td>same</td><td>never</td></tr>
 *   <tr><td>{@code <name>.corrupt-<stamp>}</td><td>a damaged original kept by a repair, or the
 *       version a restore replaced (a hard link)</td><td>repair, restore</td><td>never
 *       (evidence)</td></tr>
 *   <tr><td>{@code <name>.torn-<stamp>}</td><td>the bytes of a torn last line cut off before an
 *       append</td><td>the append</td><td>never (evidence)</td></tr>
 *   <tr><td>{@code .<name>.lock}</td><td>the sidecar file of the OS lock between processes (no
 *       data)</td><td>the first locked write</td><td>never (deleting it would race with a process
 *       about to lock it)</td></tr>
 * </table>
 */
@NullMarked
package io.hydralogger.fallbacks.internal.fs;

import org.jspecify.annotations.NullMarked;
