import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lock that keeps two builds from writing one output at once: an exclusive `flock` on
/// `lock` in the working folder, holding the owner's process id. The system releases it when the
/// process ends, however it ends, so a killed build never leaves the output locked.
struct OutputLock: Sendable {
    /// Another build holds the lock.
    struct Busy: Error {
        var owner: Int32?
    }

    private let descriptor: Int32
    /// How long, in milliseconds, a lock recorded as this process's own is waited for.
    private static let ownLockPatience = 2_000

    static func acquire(in work: DirectoryHandle) throws -> OutputLock {
        var descriptor = openRegularFile(in: work)
        if descriptor == -ELOOP {
            // Something other than a file sits where the lock belongs (a planted link, a folder):
            // no build can hold a lock on it, so it is removed as an entry and the lock made afresh.
            try work.remove("lock")
            descriptor = openRegularFile(in: work)
        }
        guard descriptor >= 0 else { throw DirectoryHandle.Failure(path: "lock", code: -descriptor) }
        // A lock this process seems to hold after releasing it is held by a copy of its
        // descriptor in a child another thread has just forked (a program embedding the engine
        // that starts processes), until the child starts its program: waited for, briefly.
        var waited = 0
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = pread(descriptor, &buffer, buffer.count, 0)
            let owner = count > 0 ? Int32(String(decoding: buffer[..<count], as: UTF8.self).filter(\.isNumber)) : nil
            if code == EWOULDBLOCK, owner == getpid(), waited < Self.ownLockPatience {
                usleep(5_000)
                waited += 5
                continue
            }
            _ = close(descriptor)
            guard code == EWOULDBLOCK else { throw DirectoryHandle.Failure(path: "lock", code: code) }
            throw Busy(owner: owner)
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pwrite(descriptor, pid, pid.count, 0)
        return OutputLock(descriptor: descriptor)
    }

    /// The lock file's descriptor, or minus the error number; `-ELOOP` when the entry is not a file.
    private static func openRegularFile(in work: DirectoryHandle) -> Int32 {
        let descriptor = openat(work.descriptor, "lock", O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return errno == EISDIR ? -ELOOP : -errno }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            _ = close(descriptor)
            return -ELOOP
        }
        return descriptor
    }

    func release() {
        _ = close(descriptor)
    }
}
