#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One file of a build written a piece at a time, as its output renders.
///
/// While the pieces equal the bytes the output already holds at that place, nothing is written.
/// At the first difference the new file is created fresh (`O_EXCL`, never through a link), the
/// old file's bytes so far are copied into it, and from then on each piece is appended. So a file
/// of tens of megabytes is never held whole, and one whose bytes did not change is not rewritten.
///
/// Not thread-safe: one output, on one thread. A failure is kept and reported by `finish`; the
/// pieces after it are ignored.
final class StreamedFile {
    /// The staging tree's folder the file goes into.
    private let folder: DirectoryHandle
    private let name: String
    /// The folder of the file to compare with: the live output's, or the staging folder itself
    /// when the build writes in place.
    private let oldFolder: DirectoryHandle?
    private let inPlace: Bool
    /// The file being compared with, while every byte so far has matched it.
    private var old: Int32 = -1
    private var oldInfo = stat()
    /// How many bytes have been handed over.
    private var count = 0
    /// The new file, once the bytes differ (in place: under a hidden name beside the old one).
    private var new: Int32 = -1
    private var failure: DirectoryHandle.Failure?
    private var isClosed = false

    /// Opens the staging folder of `path` (creating it) and the file to compare with. `size`: the
    /// whole file's size when it is known, so that a file of another size is not read.
    init(
        _ path: String, staging: FolderCache, live: FolderCache?, inPlace: Bool, size: Int? = nil
    ) throws(DirectoryHandle.Failure) {
        let slash = path.lastIndex(of: "/")
        name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let folderPath = slash.map { path[..<$0] } ?? ""
        folder = try staging.folder(folderPath, create: true)
        self.inPlace = inPlace
        oldFolder = inPlace ? nil : live.flatMap { try? $0.folder(folderPath, create: false) }
        let compared = inPlace ? folder : oldFolder
        if let compared {
            let file = openat(compared.descriptor, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            if file >= 0 {
                if fstat(file, &oldInfo) == 0, oldInfo.st_mode & S_IFMT == S_IFREG,
                    size.map({ $0 == Int(oldInfo.st_size) }) ?? true
                {
                    old = file
                } else {
                    _ = close(file)
                }
            }
        }
    }

    deinit {
        abandon()
    }

    private var temporaryName: String { ".\(name).griot-new" }

    /// Appends `bytes` to the file.
    func append(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, !bytes.isEmpty else { return }
        if old >= 0 {
            if count + bytes.count <= Int(oldInfo.st_size), oldHolds(bytes, at: count) {
                count += bytes.count
                return
            }
            startNew()
        } else if new < 0 {
            startNew()
        }
        writeNew(bytes)
        count += bytes.count
    }

    /// Ends the file: `.unchanged` when its bytes are the old file's (which stays as it was, linked
    /// into the staging tree), `.written` otherwise.
    func finish() throws(DirectoryHandle.Failure) -> OutputTransaction.Outcome {
        do {
            let outcome = try complete()
            closeAll()
            return outcome
        } catch {
            abandon()
            throw error
        }
    }

    private func complete() throws(DirectoryHandle.Failure) -> OutputTransaction.Outcome {
        if failure == nil, old >= 0, count == Int(oldInfo.st_size) {
            return try keepOld()
        }
        if failure == nil, new < 0 { startNew() }
        if let failure { throw failure }
        if inPlace { try rename() }
        return .written
    }

    /// Gives the file up (its output was stopped part way): in place the old file stays as it
    /// was; in a staging tree, the part written is removed.
    func abandon() {
        guard !isClosed else { return }
        if new >= 0 { _ = unlinkat(folder.descriptor, inPlace ? temporaryName : name, 0) }
        closeAll()
    }

    /// The old file is the new one: in place it stays; otherwise the staging tree gets a hard link
    /// to the live file, unless it already has one.
    private func keepOld() throws(DirectoryHandle.Failure) -> OutputTransaction.Outcome {
        guard !inPlace, let oldFolder else { return .unchanged }
        if let current = folder.status(of: name), current.st_ino == oldInfo.st_ino, current.st_dev == oldInfo.st_dev {
            return .unchanged
        }
        try folder.remove(name)
        if linkat(oldFolder.descriptor, name, folder.descriptor, name, 0) == 0 { return .unchanged }
        // No hard links on this file system: a copy, with the old file's modification time.
        startNew()
        if let failure { throw failure }
        let omit = (1 << 30) - 2  // UTIME_OMIT: leave the access time as it is
        let times = [timespec(tv_sec: 0, tv_nsec: omit), oldInfo.st_mtim]
        _ = futimens(new, times)
        return .unchanged
    }

    /// Whether the old file holds `bytes` at `offset`.
    private func oldHolds(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        let piece = UnsafeMutableRawBufferPointer.allocate(byteCount: min(bytes.count, 1 << 18), alignment: 16)
        defer { piece.deallocate() }
        var done = 0
        while done < bytes.count {
            let read = pread(old, piece.baseAddress!, min(piece.count, bytes.count - done), off_t(offset + done))
            if read < 0 && errno == EINTR { continue }
            guard read > 0, memcmp(piece.baseAddress!, bytes.baseAddress! + done, read) == 0 else { return false }
            done += read
        }
        return true
    }

    /// Creates the new file and copies into it the old file's bytes handed over so far.
    private func startNew() {
        do {
            new = try folder.createNew(inPlace ? temporaryName : name)
        } catch {
            failure = error
            return
        }
        if count > 0 { copyOld(count) }
        if old >= 0 {
            _ = close(old)
            old = -1
        }
    }

    private func copyOld(_ length: Int) {
        let piece = UnsafeMutableRawBufferPointer.allocate(byteCount: min(length, 1 << 18), alignment: 16)
        defer { piece.deallocate() }
        var done = 0
        while done < length, failure == nil {
            let read = pread(old, piece.baseAddress!, min(piece.count, length - done), off_t(done))
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else { return fail(read < 0 ? errno : EIO) }
            writeNew(UnsafeRawBufferPointer(rebasing: piece[..<read]))
            done += read
        }
    }

    private func writeNew(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        if let code = DirectoryHandle.write(bytes, to: new) { fail(code) }
    }

    /// In place: the new file takes the old one's name in one step, so a reader opens one or the other.
    private func rename() throws(DirectoryHandle.Failure) {
        if renameat(folder.descriptor, temporaryName, folder.descriptor, name) == 0 { return }
        // A folder stands at that name: it goes, then the file takes its place.
        if errno == EISDIR || errno == ENOTEMPTY || errno == EEXIST {
            try folder.remove(name)
            if renameat(folder.descriptor, temporaryName, folder.descriptor, name) == 0 { return }
        }
        let code = errno
        _ = unlinkat(folder.descriptor, temporaryName, 0)
        throw DirectoryHandle.Failure(path: folder.child(name), code: code)
    }

    private func fail(_ code: Int32) {
        failure = DirectoryHandle.Failure(path: folder.child(name), code: code)
    }

    private func closeAll() {
        guard !isClosed else { return }
        isClosed = true
        if old >= 0 { _ = close(old) }
        if new >= 0 { _ = close(new) }
        folder.close()
        oldFolder?.close()
    }
}
