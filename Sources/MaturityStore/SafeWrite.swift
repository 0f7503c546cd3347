import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes that never lose what was there: a temporary file made with `mkstemp` (O_EXCL, so a
/// planted file or link is never followed) beside the real target, the original's mode kept,
/// then one `rename`. A symlink is written through (its target replaced, the link kept). A
/// device or pipe (`/dev/null`, `/dev/stdout`) is written directly, never replaced by a file.
/// A full disk or the shell's file-size limit fails the write, removes the temporary file and
/// says so; the original stays as it was. The original's owner is kept (a run as root leaves a
/// user's file theirs), a file with hard links is rewritten in place so every link sees the new
/// text, and a file whose mode lets nobody write it is refused unless `force` (root could write
/// it anyway, so the mode is read, not the permission).
public enum SafeWrite {
    /// Ignore SIGXFSZ once, so `ulimit -f` turns into an EFBIG error we can report instead of
    /// killing the process with a temporary file left behind.
    nonisolated(unsafe) private static var ignoredFileSizeSignal = false

    public static func write(_ data: Data, to path: String, force: Bool = false) throws {
        if !ignoredFileSizeSignal {
            signal(SIGXFSZ, SIG_IGN)
            ignoredFileSizeSignal = true
        }
        let target = resolvedTarget(path)
        var info = stat()
        let exists = stat(target, &info) == 0
        if exists, (info.st_mode & S_IFMT) == S_IFDIR {
            throw StoreError.unwritable(path: path, reason: "it is a folder; give a file name")
        }
        if exists, (info.st_mode & S_IFMT) != S_IFREG {
            try writeDirectly(data, to: target, shownAs: path)
            return
        }
        if exists, info.st_mode & 0o222 == 0, !force {
            throw StoreError.unwritable(path: path, reason: "read-only: its mode lets nobody write it; make it writable (chmod u+w) or pass --force")
        }
        let dir = (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        var template = Array((dir.isEmpty ? "." : dir).utf8CString.dropLast()) + Array("/.\(base).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard fd >= 0 else { throw StoreError.unwritable(path: path, reason: reason(errno, folder: true)) }
        let temp = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = false
        defer {
            if !ok { unlink(temp) }
        }
        let mode = exists ? info.st_mode & 0o7777 : (0o666 & ~currentUmask())
        // The owner first (only root can give a file away; for anyone else it is already theirs), then the mode.
        if exists { _ = fchown(fd, info.st_uid, info.st_gid) }
        fchmod(fd, mode)
        if let problem = writeAll(fd, data) {
            close(fd)
            throw StoreError.unwritable(path: path, reason: reason(problem, folder: false))
        }
        if fsync(fd) != 0 && errno != EINVAL {
            let e = errno
            close(fd)
            throw StoreError.unwritable(path: path, reason: reason(e, folder: false))
        }
        close(fd)
        if exists, info.st_nlink > 1, rewriteInPlace(data, target) {
            // Every hard link sees the new text; the complete copy beside it is no longer needed.
            return
        }
        guard rename(temp, target) == 0 else { throw StoreError.unwritable(path: path, reason: reason(errno, folder: true)) }
        ok = true
    }

    /// Writes a file with hard links in place (the full text is already safe in the temporary
    /// file, so a failure here falls back to the rename); true when it worked.
    static func rewriteInPlace(_ data: Data, _ target: String) -> Bool {
        let fd = open(target, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        guard writeAll(fd, data) == nil, ftruncate(fd, off_t(data.count)) == 0 else { return false }
        return fsync(fd) == 0 || errno == EINVAL
    }

    /// The file a path finally names, following symlinks; a dangling link names its target.
    static func resolvedTarget(_ path: String) -> String {
        var current = path
        for _ in 0..<32 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n > 0 else { return current }
            let link = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(link)
        }
        return current
    }

    static func writeDirectly(_ data: Data, to target: String, shownAs path: String) throws {
        let fd = open(target, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.unwritable(path: path, reason: reason(errno, folder: false)) }
        defer { close(fd) }
        if let problem = writeAll(fd, data) { throw StoreError.unwritable(path: path, reason: reason(problem, folder: false)) }
    }

    /// Writes every byte; returns errno on failure.
    static func writeAll(_ fd: Int32, _ data: Data) -> Int32? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int32? in
            guard var p = raw.baseAddress else { return nil }
            var left = raw.count
            while left > 0 {
                let n = Glibc.write(fd, p, left)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                left -= n
                p += n
            }
            return nil
        }
    }

    static func currentUmask() -> mode_t {
        let old = umask(0o022)
        umask(old)
        return old
    }

    static func reason(_ code: Int32, folder: Bool) -> String {
        switch code {
        case ENOSPC, EDQUOT: return "the disk is full; nothing was changed"
        case EFBIG: return "the file is larger than this shell allows (ulimit -f); nothing was changed"
        case EACCES, EPERM: return folder ? "the folder is not writable" : "permission denied"
        case ENOENT: return "the folder does not exist"
        case EROFS: return "the disk is read-only"
        case ENOTDIR: return "a part of the path is not a folder"
        default: return String(cString: strerror(code))
        }
    }
}
