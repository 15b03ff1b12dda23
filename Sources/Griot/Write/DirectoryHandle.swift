import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An open folder that the write stage works inside, by descriptor, never by path.
///
/// Every entry is opened relative to the folder with `O_NOFOLLOW`, one path component at a
/// time, so a symbolic link planted anywhere in a folder the build reuses is never followed:
/// where a folder is expected it is replaced by a real folder, where a file is written the link
/// itself is removed first, and files are always created fresh (`O_EXCL`), never truncated.
struct DirectoryHandle: Sendable {
    /// Why a file-system call failed: the path (relative to the handle's root) and `errno`.
    struct Failure: Error, Sendable {
        var path: String
        var code: Int32

        var reason: String { systemErrorDescription(code) }
    }

    let descriptor: Int32
    /// This folder's path below the root the walk started from (`` for the root), for messages.
    let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    /// Opens an existing folder by absolute path. The last component must be a real folder, not
    /// a link to one.
    static func open(_ absolutePath: String) throws(Failure) -> DirectoryHandle {
        let descriptor = Glibc.open(absolutePath, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(path: absolutePath, code: errno) }
        return DirectoryHandle(descriptor: descriptor, path: "")
    }

    func close() {
        _ = Glibc.close(descriptor)
    }

    private func child(_ name: String) -> String { path.isEmpty ? name : path + "/" + name }

    /// The metadata of an entry, without following a link.
    func status(of name: String) -> stat? {
        var info = stat()
        return fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? info : nil
    }

    /// Opens the folder `name`, creating it when it is missing and, when `create` is set,
    /// replacing whatever else stands there (a file, a link) by a new folder.
    func subdirectory(_ name: String, create: Bool) throws(Failure) -> DirectoryHandle {
        for _ in 0..<3 {
            let opened = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if opened >= 0 { return DirectoryHandle(descriptor: opened, path: child(name)) }
            let code = errno
            guard create else { throw Failure(path: child(name), code: code) }
            switch code {
            case ENOENT:
                if mkdirat(descriptor, name, 0o755) != 0 && errno != EEXIST {
                    throw Failure(path: child(name), code: errno)
                }
            case ELOOP, ENOTDIR:
                // A link or a file where a folder belongs: remove the entry itself.
                try remove(name)
            default:
                throw Failure(path: child(name), code: code)
            }
        }
        throw Failure(path: child(name), code: EAGAIN)
    }

    /// Opens the folder at a relative path (`countries/france`), one component at a time.
    func subdirectory(path relative: Substring, create: Bool) throws(Failure) -> DirectoryHandle {
        var current: DirectoryHandle? = nil
        for component in relative.split(separator: "/") {
            let parent = current ?? self
            let next: DirectoryHandle
            do {
                next = try parent.subdirectory(String(component), create: create)
            } catch {
                current?.close()
                throw error
            }
            current?.close()
            current = next
        }
        return current ?? DirectoryHandle(descriptor: dup(descriptor), path: path)
    }

    /// Writes a new file `name` holding `bytes`, replacing whatever stood there (a file, a
    /// link, a folder) without ever writing through it; `modified` sets its modification time.
    func createFile(
        _ name: String, contents bytes: UnsafeRawBufferPointer, mode: mode_t = 0o644, modified: timespec? = nil
    ) throws(Failure) {
        var file = openat(descriptor, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        if file < 0 && errno == EEXIST {
            try remove(name)
            file = openat(descriptor, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        }
        guard file >= 0 else { throw Failure(path: child(name), code: errno) }
        defer { _ = Glibc.close(file) }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(file, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(path: child(name), code: errno)
            }
            offset += written
        }
        if let modified {
            let omit = (1 << 30) - 2  // UTIME_OMIT: leave the access time as it is
            let times = [timespec(tv_sec: 0, tv_nsec: omit), modified]
            _ = futimens(file, times)
        }
    }

    /// Replaces `name` with a file holding `bytes`: written beside it under a hidden name, then
    /// renamed over it, so a reader opens the old file or the new one, never a part of either.
    func replaceFile(_ name: String, contents bytes: UnsafeRawBufferPointer) throws(Failure) {
        let temporary = ".\(name).griot-new"
        try createFile(temporary, contents: bytes)
        if renameat(descriptor, temporary, descriptor, name) == 0 { return }
        // A folder stands at that name: it goes, then the file takes its place.
        if errno == EISDIR || errno == ENOTEMPTY || errno == EEXIST {
            try remove(name)
            if renameat(descriptor, temporary, descriptor, name) == 0 { return }
        }
        let code = errno
        try? remove(temporary)
        throw Failure(path: child(name), code: code)
    }

    /// Whether the regular file `name` holds exactly `bytes`; its metadata when it does.
    func file(_ name: String, holds bytes: UnsafeRawBufferPointer) -> stat? {
        let file = openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard file >= 0 else { return nil }
        defer { _ = Glibc.close(file) }
        var info = stat()
        guard fstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count else {
            return nil
        }
        if bytes.isEmpty { return info }
        // Compared a piece at a time: a file of the site-wide outputs can be tens of megabytes.
        let piece = UnsafeMutableRawBufferPointer.allocate(byteCount: min(bytes.count, 1 << 18), alignment: 16)
        defer { piece.deallocate() }
        var offset = 0
        while offset < bytes.count {
            let count = pread(file, piece.baseAddress!, min(piece.count, bytes.count - offset), off_t(offset))
            if count < 0 && errno == EINTR { continue }
            guard count > 0, memcmp(piece.baseAddress!, bytes.baseAddress! + offset, count) == 0 else { return nil }
            offset += count
        }
        return info
    }

    func createFile(_ name: String, contents data: Data) throws(Failure) {
        do {
            try data.withUnsafeBytes { buffer in try createFile(name, contents: buffer) as Void }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(path: child(name), code: EIO)
        }
    }

    /// The names in this folder, without `.` and `..`.
    func entries() throws(Failure) -> [String] {
        try typedEntries().map(\.name)
    }

    /// The names in this folder, without `.` and `..`, each with the type the folder records for
    /// it (`DT_REG`, `DT_DIR`…, `DT_UNKNOWN` when the file system does not say): no `stat` each.
    func typedEntries() throws(Failure) -> [(name: String, type: UInt8)] {
        let copy = dup(descriptor)
        guard copy >= 0, let stream = fdopendir(copy) else {
            throw Failure(path: path, code: errno)
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { entries.append((name, entry.pointee.d_type)) }
        }
        return entries
    }

    /// Removes the entry `name`: a file or link is unlinked (a link's target is never touched), a
    /// folder is emptied the same way and removed. A missing entry is not an error.
    func remove(_ name: String) throws(Failure) {
        if unlinkat(descriptor, name, 0) == 0 || errno == ENOENT { return }
        guard errno == EISDIR || errno == EPERM else { throw Failure(path: child(name), code: errno) }
        let folder = try subdirectory(name, create: false)
        defer { folder.close() }
        for entry in try folder.entries() { try folder.remove(entry) }
        if unlinkat(descriptor, name, AT_REMOVEDIR) != 0 && errno != ENOENT {
            throw Failure(path: child(name), code: errno)
        }
    }
}
