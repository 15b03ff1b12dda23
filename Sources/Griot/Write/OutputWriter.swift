import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// The write stage: writes the whole site into a staging folder beside the output folder and
/// swaps it into place only when everything was written. A failed build leaves the previous
/// output exactly as it was.
struct OutputWriter {
    /// Marks a folder as Griot's output, so a build never replaces a folder it did not make.
    static let marker = ".griot-output"

    var output: URL
    /// The site folder: the output may be inside it, but never be it or contain it.
    var site: URL
    /// Folders the output may neither be, contain, nor be inside (content/ and templates/).
    var protected: [URL]

    struct Failure: Error {
        var diagnostic: Diagnostic
    }

    /// Writes `files` and copies `assets` (if the folder exists) to `assets/`, then swaps.
    func write(_ files: [OutputFile], assets: URL?) throws(Failure) {
        let fileManager = FileManager.default
        let output = output.standardizedFileURL
        try checkOutputIsSafe(output)
        let parent = output.deletingLastPathComponent()
        let staging = sibling(".staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: staging)
        // Reuse the site before last as the staging folder: rewriting existing files is far cheaper
        // than creating and deleting thousands of inodes on every build. Renaming claims it, so two
        // builds at once never share it.
        let reused = rename(spare.path, staging.path) == 0 && isGriotOutput(staging)
        do {
            if !reused {
                try? fileManager.removeItem(at: staging)
                try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            }
        } catch {
            throw failure(
                "cannot create the output folder: \(SourceFile.reason(error))",
                hint: "check that you may write to \(parent.path)")
        }
        do {
            if reused { try prune(staging, keeping: files) }
            try writeAll(files, into: staging, assets: assets)
            try Data().write(to: staging.appendingPathComponent(Self.marker))
            try swap(staging, into: output)
        } catch let failure as Failure {
            try? fileManager.removeItem(at: staging)
            throw failure
        } catch {
            try? fileManager.removeItem(at: staging)
            throw failure(
                "cannot write the site: \(SourceFile.reason(error))",
                hint: "check the free space and permissions of \(parent.path)")
        }
    }

    /// A hidden folder beside the output: `.public.spare`, `.public.staging-42`.
    private func sibling(_ suffix: String) -> URL {
        let output = output.standardizedFileURL
        return output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent)\(suffix)")
    }

    /// The previous site, kept after a swap to be rewritten by the next build.
    var spare: URL { sibling(".spare") }

    /// A real folder (not a link) holding griot's marker.
    private func isGriotOutput(_ folder: URL) -> Bool {
        var info = stat()
        guard lstat(folder.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return false }
        return FileManager.default.fileExists(atPath: folder.appendingPathComponent(Self.marker).path)
    }

    /// Removes from a reused staging folder what the new site does not have, and its assets
    /// (copied afresh), so that only the new site's files remain.
    private func prune(_ staging: URL, keeping files: [OutputFile]) throws {
        let keptFiles = Set(files.map(\.path) + [Self.marker])
        var keptFolders = Self.folders(of: files)
        keptFolders.remove("assets")
        guard let walk = FileManager.default.enumerator(atPath: staging.path) else { return }
        var stale: [String] = []
        while let path = walk.nextObject() as? String {
            let isFolder = (walk.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory
            if isFolder {
                if !keptFolders.contains(path) {
                    stale.append(path)
                    walk.skipDescendants()
                }
            } else if !keptFiles.contains(path) {
                stale.append(path)
            }
        }
        for path in stale { try FileManager.default.removeItem(at: staging.appendingPathComponent(path)) }
    }

    private func writeAll(_ files: [OutputFile], into staging: URL, assets: URL?) throws {
        // Plain system calls: at 10,000 pages, Foundation's per-call checks cost more than the writing.
        let directories = Self.folders(of: files)
        // Sorted, a folder comes before everything inside it.
        for directory in directories.sorted() {
            let path = staging.appendingPathComponent(directory).path
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw failure(
                    "cannot create \(directory): \(systemErrorDescription())",
                    hint: "check the free space and permissions of the output folder")
            }
        }
        let root = staging.path
        let failures = files.concurrentMap { file -> String? in
            Self.writeFile(file.contents, to: root + "/" + file.path).map { "\(file.path): \($0)" }
        }.compactMap { $0 }
        if let first = failures.first {
            throw failure("cannot write \(first)", hint: "check the free space and permissions of the output folder")
        }
        if let assets, FileManager.default.fileExists(atPath: assets.path) {
            try FileManager.default.copyItem(at: assets, to: staging.appendingPathComponent("assets"))
        }
    }

    /// Every folder the files sit in, with all their ancestors: `countries/france`, `countries`.
    private static func folders(of files: [OutputFile]) -> Set<String> {
        var folders = Set<String>()
        for file in files {
            var folder = (file.path as NSString).deletingLastPathComponent
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        return folders
    }

    /// Writes `data` to a new file; returns the reason on failure.
    private static func writeFile(_ data: Data, to path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return systemErrorDescription() }
        defer { close(descriptor) }
        return data.withUnsafeBytes { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return systemErrorDescription()
                }
                offset += written
            }
            return nil
        }
    }

    /// Replaces `output` by `staging` with renames, so readers see the old site or the new one;
    /// the old site becomes the spare that the next build rewrites.
    private func swap(_ staging: URL, into output: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: staging, to: output)
            return
        }
        let old = sibling(".old-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: old)
        try fileManager.moveItem(at: output, to: old)
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            try? fileManager.moveItem(at: old, to: output)
            throw error
        }
        if rename(old.path, spare.path) != 0 { try? fileManager.removeItem(at: old) }
    }

    /// Refuses an output folder that is (or holds) the site's own files, or a folder of
    /// someone else's that the swap would delete.
    private func checkOutputIsSafe(_ output: URL) throws(Failure) {
        func canonical(_ url: URL) -> String { url.standardizedFileURL.resolvingSymlinksInPath().path }
        let outputPath = canonical(output)
        let overlaps =
            ([site] + protected).map(canonical).contains { $0 == outputPath || $0.hasPrefix(outputPath + "/") }
            || protected.map(canonical).contains { outputPath.hasPrefix($0 + "/") }
        if overlaps {
            throw failure(
                "refusing to write the site to \(output.path): it would replace or mix with the site's own files",
                hint: "choose an output folder outside content/ and templates/, such as public/")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw failure(
                    "the output path \(output.path) is a file, not a folder",
                    hint: "remove it or choose another --output")
            }
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
            if !contents.isEmpty && !contents.contains(Self.marker) {
                throw failure(
                    "refusing to replace \(output.path): it is not empty and was not written by griot",
                    hint: "choose an empty or new folder for --output, or move its files away")
            }
        }
    }

    private func failure(_ message: String, hint: String) -> Failure {
        Failure(diagnostic: Diagnostic(.error, file: output.path, message: message, hint: hint))
    }
}
