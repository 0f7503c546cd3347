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
            case .held(let path): return "\(path): error: another maturity run is writing this file; finish or quit it first"
            case .cannotCreate(let path, let reason): return "\(path): error: cannot lock the file (\(reason))"
            }
        }
    }

    /// Locks `file`: at once or failing (an interview), or `wait`ing up to two minutes for the
    /// writer before (two `--into` runs on one file: the second waits, both changes survive).
    public init(for file: String, wait: Bool = false) throws {
        let dir = (file as NSString).deletingLastPathComponent
        let lockPath = ((dir.isEmpty ? "." : dir) as NSString).appendingPathComponent(".\((file as NSString).lastPathComponent).lock")
        let deadline = Date().addingTimeInterval(120)
        while true {
            let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
            guard fd >= 0 else { throw Failure.cannotCreate(path: file, reason: String(cString: strerror(errno))) }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                close(fd)
                guard wait, Date() < deadline else { throw Failure.held(path: file) }
                usleep(20_000)
                continue
            }
            // The holder before us removes the lock file as it lets go: a lock on a removed file
            // is no lock, so take it again on the file now at that path.
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0, stat(lockPath, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev {
                self.fd = fd
                self.path = lockPath
                return
            }
            flock(fd, LOCK_UN)
            close(fd)
        }
    }

    deinit {
        unlink(path)
        flock(fd, LOCK_UN)
        close(fd)
    }
}
