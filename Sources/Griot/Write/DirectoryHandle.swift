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
    /// Whether the handle is lent by its owner (a `FolderCache`): `close()` then leaves it open.
    private let isShared: Bool

    private init(descriptor: Int32, path: String, isShared: Bool = false) {
        self.descriptor = descriptor
        self.path = path
        self.isShared = isShared
    }

    /// The same folder, lent: closing it leaves it open for its owner.
    var shared: DirectoryHandle { DirectoryHandle(descriptor: descriptor, path: path, isShared: true) }

    /// Opens an existing folder by absolute path. The last component must be a real folder, not
    /// a link to one.
    static func open(_ absolutePath: String) throws(Failure) -> DirectoryHandle {
        let descriptor = Glibc.open(absolutePath, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(path: absolutePath, code: errno) }
        return DirectoryHandle(descriptor: descriptor, path: "")
    }

    func close() {
        if !isShared { _ = Glibc.close(descriptor) }
    }

    /// Closes a lent handle: for its owner.
    func closeShared() {
        _ = Glibc.close(descriptor)
    }

    /// The path of `name` in this folder, for messages.
    func child(_ name: String) -> String { path.isEmpty ? name : path + "/" + name }

    /// The metadata of an entry, without following a link.
    func status(of name: String) -> stat? {
        var info = stat()
        return fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? info : nil
    }

    /// Opens the folder `name`, creating it when it is missing and, when `create` is set,
    /// replacing whatever else stands there (a file, a link) by a new folder.
    /// `expectsNew`: the folder is most likely missing (in a tree this build made), so it is
    /// made first and then opened.
    func subdirectory(_ name: String, create: Bool, expectsNew: Bool = false) throws(Failure) -> DirectoryHandle {
        if create, expectsNew, mkdirat(descriptor, name, 0o755) == 0 {
            let opened = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if opened >= 0 { return DirectoryHandle(descriptor: opened, path: child(name)) }
        }
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
    /// link, a folder) without ever writing through it.
    func createFile(_ name: String, contents bytes: UnsafeRawBufferPointer, mode: mode_t = 0o644) throws(Failure) {
        let file = try createNew(name, mode: mode)
        defer { _ = Glibc.close(file) }
        if let code = Self.write(bytes, to: file) { throw Failure(path: child(name), code: code) }
    }

    /// Creates the file `name` afresh (`O_EXCL`), removing whatever stood there first (a file, a
    /// link, a folder) without following it, and returns its descriptor, open for writing.
    func createNew(_ name: String, mode: mode_t = 0o644) throws(Failure) -> Int32 {
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC
        var file = openat(descriptor, name, flags, mode)
        if file < 0 && errno == EEXIST {
            try remove(name)
            file = openat(descriptor, name, flags, mode)
        }
        guard file >= 0 else { throw Failure(path: child(name), code: errno) }
        return file
    }

    /// Writes all of `bytes` to the open file `file`; the `errno` of a failure, or nil.
    static func write(_ bytes: UnsafeRawBufferPointer, to file: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(file, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
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
