import Foundation
import MaturityCore
#if canImport(Glibc)
import Glibc
#endif

/// An advisory lock beside a file (`.NAME.lock`), held while an interview writes it, so two
/// `--resume` runs on one file never overwrite each other's answers. The kernel drops the lock
/// when the process ends, however it ends, so a stale lock file never blocks anyone.
public final class FileLock: @unchecked Sendable {
    let fd: Int32
    let path: String

    public enum Failure: ToolError {
        public var exitCode: Int32 { ExitStatus.cannotCreate }
        case held(path: String)
        case cannotCreate(path: String, reason: String)
        public var description: String {
            switch self {
            case .held(let path): return "\(path): error: another maturity interview is writing this file; finish or quit it first"
            case .cannotCreate(let path, let reason): return "\(path): error: cannot lock the file (\(reason))"
            }
        }
    }

    /// Locks `file`, or fails at once if another process holds it.
    public init(for file: String) throws {
        let dir = (file as NSString).deletingLastPathComponent
        let lockPath = ((dir.isEmpty ? "." : dir) as NSString).appendingPathComponent(".\((file as NSString).lastPathComponent).lock")
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw Failure.cannotCreate(path: file, reason: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw Failure.held(path: file)
        }
        self.fd = fd
        self.path = lockPath
    }

    deinit {
        unlink(path)
        flock(fd, LOCK_UN)
        close(fd)
    }
}
