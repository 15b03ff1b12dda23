import CGriotSystem
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One build's writing: every file goes into the staging tree in the working folder, then the
/// staging tree and the output trade places in one atomic step. In place (for a preview's own
/// folder), the output is its own staging tree: each changed file is renamed over the old one.
///
/// A file whose bytes equal the live output's is not rewritten: the staging tree gets a hard link
/// to the live file (or keeps the one it has), so its modification time and ETag stay, and an
/// upload sends only what changed. Files are always created anew, never changed in place, because
/// the two trees share the files that did not change. A build that fails or is killed leaves the
/// output as it was; the next build reuses whatever the staging tree holds and prunes it.
struct OutputTransaction: Sendable {
    static let stagingName = "staging"
    static let treesName = "trees"
    static let fingerprintsName = "fingerprints"

    let parent: DirectoryHandle
    let work: DirectoryHandle
    let staging: DirectoryHandle
    /// The output as it is now, if there is one.
    let live: DirectoryHandle?
    let lock: OutputLock
    let outputName: String
    /// Whether the staging tree is the live output itself.
    let inPlace: Bool
    /// Whether the staging tree was made by this build: it then holds only what this build wrote.
    let stagingIsNew: Bool
    /// The fingerprints recorded for the live output's files when they were written; empty when
    /// none were, when they describe another tree than the live one, or when the caller said it
    /// knows them.
    let previousFingerprints: [String: UInt64]
    /// The staging tree's and the live output's top-level folders, opened once for all files.
    private let stagingFolders: FolderCache
    private let liveFolders: FolderCache?

    init(
        parent: DirectoryHandle, work: DirectoryHandle, staging: DirectoryHandle, live: DirectoryHandle?,
        lock: OutputLock, outputName: String, inPlace: Bool, stagingIsNew: Bool = false, readsRecord: Bool
    ) {
        self.parent = parent
        self.work = work
        self.staging = staging
        self.live = live
        self.lock = lock
        self.outputName = outputName
        self.inPlace = inPlace
        self.stagingIsNew = stagingIsNew
        stagingFolders = FolderCache(root: staging, expectsNew: stagingIsNew)
        liveFolders = inPlace ? nil : live.map { FolderCache(root: $0, expectsNew: false) }
        previousFingerprints = readsRecord ? Self.readFingerprints(in: work, live: live) : [:]
        // Files are about to change under the record; a build killed part way must not leave
        // it vouching for them.
        if inPlace { try? work.remove(Self.fingerprintsName) }
    }

    /// What writing one file did.
    enum Outcome: Sendable {
        case written
        case unchanged
    }

    /// Writes the file at `path` (relative to the output) unless the live output already holds
    /// these bytes.
    func write(_ path: String, contents bytes: UnsafeRawBufferPointer) throws(DirectoryHandle.Failure) -> Outcome {
        let file = try StreamedFile(
            path, staging: stagingFolders, live: liveFolders, inPlace: inPlace, size: bytes.count)
        file.append(bytes)
        return try file.finish()
    }

    /// Writes the file at `path` as `render` hands its text to the sink, a piece of about
    /// `pieceSize` bytes at a time, unless the live output already holds these bytes. `render`
    /// answers whether it finished; if not (it was told to stop), the file is left as it was.
    func write(_ path: String, pieceSize: Int, render: (TextSink) -> Bool) throws(DirectoryHandle.Failure)
        -> Outcome?
    {
        let file = try StreamedFile(path, staging: stagingFolders, live: liveFolders, inPlace: inPlace)
        guard render(TextSink(pieceSize: pieceSize) { file.append($0) }) else {
            file.abandon()
            return nil
        }
        return try file.finish()
    }

    /// Puts the live output's file at `path` into the staging tree as it is (a hard link), for an
    /// output whose inputs did not change. False when there is no such file, or no hard links:
    /// the caller then renders and writes it.
    func reuse(_ path: String) throws(DirectoryHandle.Failure) -> Bool {
        guard live != nil else { return false }
        let slash = path.lastIndex(of: "/")
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let folderPath = slash.map { path[..<$0] } ?? ""
        if inPlace {
            guard let folder = try? stagingFolders.folder(folderPath, create: false) else { return false }
            defer { folder.close() }
            return folder.status(of: name).map { $0.st_mode & S_IFMT == S_IFREG } ?? false
        }
        guard let liveFolder = try? liveFolders?.folder(folderPath, create: false) else { return false }
        defer { liveFolder.close() }
        guard let kept = liveFolder.status(of: name), kept.st_mode & S_IFMT == S_IFREG else { return false }
        let folder = try stagingFolders.folder(folderPath, create: true)
        defer { folder.close() }
        if let current = folder.status(of: name), current.st_ino == kept.st_ino, current.st_dev == kept.st_dev {
            return true
        }
        try folder.remove(name)
        return linkat(liveFolder.descriptor, name, folder.descriptor, name, 0) == 0
    }

    private static func readFingerprints(in work: DirectoryHandle, live: DirectoryHandle?) -> [String: UInt64] {
        guard let live else { return [:] }
        var info = stat()
        guard fstat(live.descriptor, &info) == 0 else { return [:] }
        let file = openat(work.descriptor, Self.fingerprintsName, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard file >= 0 else { return [:] }
        let data = FileHandle(fileDescriptor: file, closeOnDealloc: true).readDataToEndOfFile()
        let lines = data.split(separator: UInt8(ascii: "\n"))
        let identity = TreeIdentity(info)
        guard let header = lines.first, String(decoding: header, as: UTF8.self) == Self.fingerprintHeader(identity)
        else { return [:] }
        var fingerprints: [String: UInt64] = [:]
        fingerprints.reserveCapacity(lines.count)
        for line in lines.dropFirst() {
            guard let space = line.firstIndex(of: UInt8(ascii: " ")),
                let value = UInt64(String(decoding: line[..<space], as: UTF8.self), radix: 16)
            else { continue }
            fingerprints[String(decoding: line[line.index(after: space)...], as: UTF8.self)] = value
        }
        return fingerprints
    }

    private static func fingerprintHeader(_ tree: TreeIdentity) -> String {
        "griot fingerprints 1 \(tree.device) \(tree.inode)"
    }

    func write(_ path: String, contents data: Data) throws(DirectoryHandle.Failure) -> Outcome {
        do {
            return try data.withUnsafeBytes { buffer in try write(path, contents: buffer) }
        } catch let failure as DirectoryHandle.Failure {
            throw failure
        } catch {
            throw DirectoryHandle.Failure(path: path, code: EIO)
        }
    }

    /// Removes from the staging tree everything not in `paths`, records the fingerprints of its
    /// files (for the staging tree, which becomes the output), then puts it in the output's place.
    /// In place, when the files of the last build are known, only those of them not in `paths`
    /// (`stale`) are removed, and the tree is not walked.
    func commit(
        keeping paths: Set<String>, fingerprints: [String: UInt64] = [:], stale: Set<String>? = nil
    ) throws(DirectoryHandle.Failure) {
        defer { close() }
        if inPlace, let stale {
            for path in stale { try removeFile(path) }
        } else if !stagingIsNew {
            try prune(keeping: paths)
        }
        var identities: [TreeIdentity] = []
        var info = stat()
        if fstat(staging.descriptor, &info) == 0 {
            identities.append(TreeIdentity(info))
            // Written as bytes: at 20,000 outputs, a String built line by line costs milliseconds
            // on every preview rebuild.
            var record = Array((Self.fingerprintHeader(TreeIdentity(info)) + "\n").utf8)
            record.reserveCapacity(record.count + fingerprints.count * 64)
            let digits = Array("0123456789abcdef".utf8)
            for (path, value) in fingerprints {
                var shift = 60
                while shift > 0, (value >> UInt64(shift)) & 15 == 0 { shift -= 4 }
                while shift >= 0 {
                    record.append(digits[Int((value >> UInt64(shift)) & 15)])
                    shift -= 4
                }
                record.append(UInt8(ascii: " "))
                record.append(contentsOf: path.utf8)
                record.append(UInt8(ascii: "\n"))
            }
            try work.createFile(Self.fingerprintsName, contents: Data(record))
        }
        if let live, fstat(live.descriptor, &info) == 0 { identities.append(TreeIdentity(info)) }
        let record = identities.map { "\($0.device) \($0.inode)\n" }.joined()
        try work.createFile(Self.treesName, contents: Data(record.utf8))
        if !inPlace { try swap() }
    }

    /// Removes the file at `path` from the staging tree, and the folders it leaves empty.
    private func removeFile(_ path: String) throws(DirectoryHandle.Failure) {
        var components = path.split(separator: "/").map(String.init)
        guard let name = components.popLast() else { return }
        guard let folder = try? staging.subdirectory(path: Substring(components.joined(separator: "/")), create: false)
        else { return }
        try folder.remove(name)
        folder.close()
        while let last = components.popLast() {
            guard
                let parent = try? staging.subdirectory(
                    path: Substring(components.joined(separator: "/")), create: false)
            else { return }
            defer { parent.close() }
            // Fails, and stops the climb, at the first folder that still holds something.
            guard unlinkat(parent.descriptor, last, AT_REMOVEDIR) == 0 else { return }
        }
    }

    /// Gives up: the output stays as it was; the staging tree is kept for the next build.
    func cancel() {
        close()
    }

    private func close() {
        stagingFolders.closeAll()
        liveFolders?.closeAll()
        staging.close()
        live?.close()
        work.close()
        lock.release()
        parent.close()
    }

    private func swap() throws(DirectoryHandle.Failure) {
        func move(_ from: DirectoryHandle, _ fromName: String, _ to: DirectoryHandle, _ toName: String)
            throws(DirectoryHandle.Failure)
        {
            if renameat(from.descriptor, fromName, to.descriptor, toName) != 0 {
                throw DirectoryHandle.Failure(path: toName, code: errno)
            }
        }
        guard live != nil else { return try move(work, Self.stagingName, parent, outputName) }
        if griot_rename_exchange(work.descriptor, Self.stagingName, parent.descriptor, outputName) == 0 { return }
        guard errno == ENOSYS || errno == EINVAL || errno == ENOTSUP else {
            throw DirectoryHandle.Failure(path: outputName, code: errno)
        }
        // No atomic exchange here: two renames, with a moment in which the output is missing.
        let previous = "previous"
        try work.remove(previous)
        try move(parent, outputName, work, previous)
        do {
            try move(work, Self.stagingName, parent, outputName)
        } catch {
            try? move(work, previous, parent, outputName)
            throw error
        }
        try move(work, previous, work, Self.stagingName)
    }

    /// Removes every file not in `paths` and every folder that holds none of them. Links are
    /// removed as entries, never followed.
    private func prune(keeping paths: Set<String>) throws(DirectoryHandle.Failure) {
        var folders = Set<Substring>()
        for path in paths {
            var end = path.lastIndex(of: "/")
            while let slash = end, folders.insert(path[..<slash]).inserted {
                end = path[..<slash].lastIndex(of: "/")
            }
        }
        let frozen = folders
        // Folder by folder, one level at a time, on all cores: a site's folders are many and
        // small, and each costs the kernel a few calls, most of a warm build's commit.
        var level = [""]
        while !level.isEmpty {
            let visited = level.concurrentMap { prefix -> Result<[String], DirectoryHandle.Failure> in
                Result { () throws(DirectoryHandle.Failure) -> [String] in
                    let folder =
                        prefix.isEmpty ? staging : try staging.subdirectory(path: prefix.dropLast(), create: false)
                    defer { if !prefix.isEmpty { folder.close() } }
                    var kept: [String] = []
                    for (name, type) in try folder.typedEntries() {
                        let path = prefix + name
                        let isFolder =
                            type == DT_UNKNOWN
                            ? folder.status(of: name).map { $0.st_mode & S_IFMT == S_IFDIR } ?? false
                            : type == DT_DIR
                        if isFolder && frozen.contains(Substring(path)) {
                            kept.append(path + "/")
                        } else if isFolder || !paths.contains(path) {
                            try folder.remove(name)
                        }
                    }
                    return kept
                }
            }
            level = []
            for result in visited { level += try result.get() }
        }
    }

    /// The trees a commit recorded as Griot's: the output is one of them.
    static func recordedTrees(in work: DirectoryHandle) -> Set<TreeIdentity> {
        let file = openat(work.descriptor, treesName, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard file >= 0 else { return [] }
        let text = String(
            decoding: FileHandle(fileDescriptor: file, closeOnDealloc: true).readDataToEndOfFile(), as: UTF8.self)
        return Set(
            text.split(separator: "\n").compactMap { line in
                let fields = line.split(separator: " ").compactMap { UInt64($0) }
                return fields.count == 2 ? TreeIdentity(device: fields[0], inode: fields[1]) : nil
            })
    }
}
