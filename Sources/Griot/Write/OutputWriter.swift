import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The write stage's front door: checks that the output folder may be written, takes the build
/// lock, and opens a transaction that writes the new site beside the old one.
///
/// Beside the output (`public/`) Griot keeps one hidden working folder, `.public.griot/`, which
/// holds the lock, the identity of the trees it made, and the staging tree (the site before last,
/// rewritten in place by the next build). Nothing of Griot's own is published inside the site.
struct OutputWriter {
    /// The marker older versions left inside the output; still recognised, no longer written.
    static let legacyMarker = ".griot-output"

    var output: URL
    /// The site folder: the output may be inside it, but never be it or contain it.
    var site: URL
    /// Folders the output may neither be, contain, nor be inside (content/ and templates/).
    var protected: [URL]

    struct Failure: Error {
        var diagnostic: Diagnostic
    }

    private var outputName: String { output.standardizedFileURL.lastPathComponent }
    /// `.public.griot`: the working folder beside the output.
    var workFolderName: String { ".\(outputName).griot" }

    /// Checks the output, takes the lock and prepares the staging tree: the live output itself
    /// when `inPlace` and there is one. `readsRecord`: read the fingerprints of the output's files
    /// (a caller that remembers them need not).
    func begin(inPlace: Bool = false, readsRecord: Bool = true) throws(Failure) -> OutputTransaction {
        let output = output.standardizedFileURL
        try checkOutputIsSafe(output)
        let parentPath = output.deletingLastPathComponent().path
        let parent: DirectoryHandle
        do {
            // The folders above the output are the user's choice (--output): create what is missing.
            try FileManager.default.createDirectory(atPath: parentPath, withIntermediateDirectories: true)
            parent = try DirectoryHandle.open(parentPath)
        } catch {
            let reason = SourceFile.firstFileAncestor(of: output.path).map { "'\($0)' is a file, not a folder" }
            throw failure(
                .outputUnwritable,
                "cannot create the output folder: \(reason ?? SourceFile.reason(error))",
                hint: "check that you may write to \(parentPath)")
        }
        do {
            return try open(in: parent, inPlace: inPlace, readsRecord: readsRecord)
        } catch {
            parent.close()
            throw error
        }
    }

    private func open(in parent: DirectoryHandle, inPlace: Bool, readsRecord: Bool) throws(Failure)
        -> OutputTransaction
    {
        // Checked before the working folder exists, so a refused output leaves nothing behind.
        let live = try checkLiveOutput(in: parent)
        let work: DirectoryHandle
        do {
            work = try parent.subdirectory(workFolderName, create: true)
        } catch {
            throw failure(
                .outputUnwritable,
                "cannot create the working folder \(workFolderName): \(error.reason)",
                hint: "check that you may write to \(output.deletingLastPathComponent().path)")
        }
        let lock: OutputLock
        do {
            lock = try OutputLock.acquire(in: work)
        } catch let busy as OutputLock.Busy {
            live?.close()
            work.close()
            throw failure(
                .outputBusy,
                "another griot build is writing to \(output.path)\(busy.owner.map { " (process \($0))" } ?? "")",
                hint: "wait for it to finish, then build again")
        } catch {
            live?.close()
            work.close()
            throw failure(
                .outputUnwritable,
                "cannot lock \(workFolderName)/lock: \((error as? DirectoryHandle.Failure)?.reason ?? "\(error)")",
                hint: "check that you may write to \(output.deletingLastPathComponent().path)")
        }
        do {
            removeLegacyFolders(in: parent)
            let writesInPlace = inPlace && live != nil
            let stagingIsNew = !writesInPlace && work.status(of: OutputTransaction.stagingName) == nil
            let staging =
                writesInPlace
                ? try parent.subdirectory(outputName, create: false)
                : try parent.subdirectory(path: "\(workFolderName)/\(OutputTransaction.stagingName)", create: true)
            return OutputTransaction(
                parent: parent, work: work, staging: staging, live: live, lock: lock, outputName: outputName,
                inPlace: writesInPlace, stagingIsNew: stagingIsNew, readsRecord: readsRecord)
        } catch {
            live?.close()
            lock.release()
            work.close()
            throw failure(
                .outputUnwritable,
                "cannot prepare the staging folder: \(error.reason)",
                hint: "check the free space and permissions of \(output.deletingLastPathComponent().path)")
        }
    }

    /// Opens the current output, when there is one, after checking that Griot made it.
    private func checkLiveOutput(in parent: DirectoryHandle) throws(Failure) -> DirectoryHandle? {
        guard let info = parent.status(of: outputName) else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            break
        case S_IFLNK:
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: output.path)).map { destination in
                FileManager.default.fileExists(atPath: output.path)
                    ? " (to \(destination))" : " (to \(destination), which does not exist)"
            }
            throw failure(
                .outputIsLink,
                "the output \(output.path) is a symbolic link\(target ?? ""); griot replaces the output folder as a whole and never writes through a link",
                hint: "pass the real folder with --output, or remove the link")
        default:
            throw failure(
                .outputNotFolder,
                "the output path \(output.path) is a file, not a folder", hint: "remove it or choose another --output")
        }
        let live: DirectoryHandle
        do {
            live = try parent.subdirectory(outputName, create: false)
        } catch {
            throw failure(
                .outputUnwritable, "cannot open the output folder: \(error.reason)", hint: "check its permissions")
        }
        let names = (try? live.entries()) ?? []
        let isOurs =
            names.isEmpty || names.contains(Self.legacyMarker) || recordedTrees(in: parent).contains(TreeIdentity(info))
        guard isOurs else {
            live.close()
            throw failure(
                .outputNotOurs,
                "refusing to replace \(output.path): it is not empty and was not written by griot",
                hint: "choose an empty or new folder for --output, or move its files away")
        }
        return live
    }

    /// The trees earlier builds made, read from the working folder when it exists.
    private func recordedTrees(in parent: DirectoryHandle) -> Set<TreeIdentity> {
        guard let work = try? parent.subdirectory(workFolderName, create: false) else { return [] }
        defer { work.close() }
        return OutputTransaction.recordedTrees(in: work)
    }

    /// Removes what older versions of Griot kept beside the output (`.public.spare`,
    /// `.public.staging-42`, `.public.old-42`): real folders holding the old marker only.
    private func removeLegacyFolders(in parent: DirectoryHandle) {
        let prefix = ".\(outputName)."
        for name in (try? parent.entries()) ?? [] where name.hasPrefix(prefix) {
            let suffix = name.dropFirst(prefix.count)
            guard suffix == "spare" || suffix.hasPrefix("staging-") || suffix.hasPrefix("old-"),
                let folder = try? parent.subdirectory(name, create: false)
            else { continue }
            let hasMarker = folder.status(of: Self.legacyMarker) != nil
            folder.close()
            if hasMarker { try? parent.remove(name) }
        }
    }

    /// Refuses an output folder that is (or holds) the site's own files.
    private func checkOutputIsSafe(_ output: URL) throws(Failure) {
        func canonical(_ url: URL) -> String { url.standardizedFileURL.resolvingSymlinksInPath().path }
        let outputPath = canonical(output)
        let overlaps =
            ([site] + protected).map(canonical).contains { $0 == outputPath || $0.hasPrefix(outputPath + "/") }
            || protected.map(canonical).contains { outputPath.hasPrefix($0 + "/") }
        if overlaps {
            throw failure(
                .outputInsideSite,
                "refusing to write the site to \(output.path): it would replace or mix with the site's own files",
                hint: "choose an output folder outside content/ and templates/, such as public/")
        }
    }

    func failure(_ code: DiagnosticCode, _ message: String, hint: String) -> Failure {
        Failure(diagnostic: Diagnostic(code, file: output.path, message: message, hint: hint))
    }
}

/// A folder's identity on its file system: survives renames, unlike its path.
struct TreeIdentity: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }
}
