/**
 * Junior file tasks: reading, transforming and writing text, CSV, JSON and image files.
 *
 * <p>They share a few rules, implemented once in package-private helpers and stated here so that
 * each task's Javadoc need not repeat them:
 *
 * <ul>
 *   <li><b>Encoding.</b> Text is UTF-8, always named explicitly, and decoded strictly: bytes that
 *       are not UTF-8 are a {@link org.interviewtasks.junior.files.MalformedFileException} naming
 *       the file, never silently replaced by U+FFFD.
 *   <li><b>Streaming.</b> A file that can be processed line by line (or record by record, or token
 *       by token) is, so memory does not grow with the file.
 *   <li><b>Lines.</b> {@code \n}, {@code \r\n} and a lone {@code \r} each end a line; a final
 *       terminator does not start an extra empty line, and an empty file has no lines. A task that
 *       rewrites a file keeps each line's own terminator and a last line without one.
 *   <li><b>Atomic writes.</b> A file that is written or replaced is written to a temporary file in
 *       the same folder, flushed to disk and renamed over the target with {@code ATOMIC_MOVE}
 *       (falling back to {@code REPLACE_EXISTING} where the file system refuses atomic moves). A
 *       failure halfway leaves the target byte for byte as it was and no temporary file behind.
 *   <li><b>Errors.</b> A missing file, a directory where a file is expected, a missing target
 *       folder: a {@link java.nio.file.FileSystemException} whose message names the file and the
 *       problem. Malformed content (UTF-8, CSV, JSON, image): a {@code MalformedFileException} with
 *       the line and column when the parser knows them. Bad arguments: {@link
 *       IllegalArgumentException}.
 * </ul>
 *
 * <p>Every entry class has a {@code main}, so {@code TaskRunner junior.files.N args...} runs it on
 * real files.
 */
package org.interviewtasks.junior.files;
