import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
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
                "cannot create the output folder: \(reason ?? SourceFile.reason(error))",
                hint: "check that you may write to \(parentPath)")
        }
        defer { parent.close() }
        let stagingName = sibling(".staging-\(ProcessInfo.processInfo.processIdentifier)").lastPathComponent
        // Reuse the site before last as the staging folder: rewriting existing files is far cheaper
        // than creating and deleting thousands of inodes on every build. Renaming claims it, so two
        // builds at once never share it; a link planted in its place is renamed, not followed, and
        // then refused as not being a real folder.
        try? parent.remove(stagingName)
        let reused =
            renameat(parent.descriptor, spare.lastPathComponent, parent.descriptor, stagingName) == 0
            && isGriotOutput(parent, stagingName)
        let staging: DirectoryHandle
        do {
            if !reused { try parent.remove(stagingName) }
            staging = try parent.subdirectory(stagingName, create: true)
        } catch {
            throw failure(
                "cannot create the output folder: \(error.reason)", hint: "check that you may write to \(parentPath)")
        }
        do {
            defer { staging.close() }
            if reused { try prune(staging, keeping: files) }
            try writeAll(files, into: staging, assets: assets)
            try staging.createFile(Self.marker, contents: Data())
        } catch let failure as Failure {
            try? parent.remove(stagingName)
            throw failure
        } catch let error as DirectoryHandle.Failure {
            try? parent.remove(stagingName)
            throw failure(
                "cannot write \(error.path): \(error.reason)",
                hint: "check the free space and permissions of \(parentPath)")
        } catch {
            try? parent.remove(stagingName)
            throw failure(
                "cannot write the site: \(SourceFile.reason(error))",
                hint: "check the free space and permissions of \(parentPath)")
        }
        do {
            try swap(parent, staging: stagingName)
        } catch {
            try? parent.remove(stagingName)
            throw failure(
                "cannot replace \(error.path): \(error.reason)",
                hint: "check the free space and permissions of \(parentPath)")
        }
    }

    /// A hidden folder beside the output: `.public.spare`, `.public.staging-42`.
    private func sibling(_ suffix: String) -> URL {
        let output = output.standardizedFileURL
        return output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent)\(suffix)")
    }

    /// The previous site, kept after a swap to be rewritten by the next build.
    var spare: URL { sibling(".spare") }

    /// A real folder (not a link) holding griot's marker as a plain file.
    private func isGriotOutput(_ parent: DirectoryHandle, _ name: String) -> Bool {
        guard let info = parent.status(of: name), info.st_mode & S_IFMT == S_IFDIR,
            let folder = try? parent.subdirectory(name, create: false)
        else { return false }
        defer { folder.close() }
        return folder.status(of: Self.marker).map { $0.st_mode & S_IFMT == S_IFREG } ?? false
    }

    /// Removes from a reused staging folder what the new site does not have, and its assets
    /// (copied afresh), so that only the new site's files remain. Links are removed as entries,
    /// never followed.
    private func prune(_ staging: DirectoryHandle, keeping files: [OutputFile]) throws(DirectoryHandle.Failure) {
        let keptFiles = Set(files.map(\.path) + [Self.marker])
        var keptFolders = Self.folders(of: files)
        keptFolders.remove("assets")
        func visit(_ folder: DirectoryHandle, prefix: String) throws(DirectoryHandle.Failure) {
            for name in try folder.entries() {
                let path = prefix + name
                let isFolder = folder.status(of: name).map { $0.st_mode & S_IFMT == S_IFDIR } ?? false
                if isFolder && keptFolders.contains(path) {
                    let child = try folder.subdirectory(name, create: false)
                    defer { child.close() }
                    try visit(child, prefix: path + "/")
                } else if isFolder || !keptFiles.contains(path) {
                    try folder.remove(name)
                }
            }
        }
        try visit(staging, prefix: "")
    }

    private func writeAll(_ files: [OutputFile], into staging: DirectoryHandle, assets: URL?) throws {
        // Sorted, a folder comes before everything inside it.
        for directory in Self.folders(of: files).sorted() {
            try staging.subdirectory(path: Substring(directory), create: true).close()
        }
        let failures = files.concurrentMap { file -> String? in
            let slash = file.path.lastIndex(of: "/")
            let name = slash.map { String(file.path[file.path.index(after: $0)...]) } ?? file.path
            do throws(DirectoryHandle.Failure) {
                let folder = try staging.subdirectory(path: slash.map { file.path[..<$0] } ?? "", create: true)
                defer { folder.close() }
                try folder.createFile(name, contents: file.contents)
                return nil
            } catch {
                return "\(file.path): \(error.reason)"
            }
        }.compactMap { $0 }
        if let first = failures.first {
            throw failure("cannot write \(first)", hint: "check the free space and permissions of the output folder")
        }
        if let assets, FileManager.default.fileExists(atPath: assets.path) {
            try copyAssets(from: assets, into: staging)
        }
    }

    /// Copies the regular files and folders of `assets` to `assets/`; links and special files in
    /// the templates are not copied.
    private func copyAssets(from assets: URL, into staging: DirectoryHandle) throws {
        let target = try staging.subdirectory("assets", create: true)
        defer { target.close() }
        let source = try DirectoryHandle.open(assets.path)
        defer { source.close() }
        func copy(_ from: DirectoryHandle, _ to: DirectoryHandle) throws {
            for name in try from.entries().sorted() {
                guard let info = from.status(of: name) else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    let (inner, outer) = (
                        try from.subdirectory(name, create: false), try to.subdirectory(name, create: true)
                    )
                    defer { inner.close(); outer.close() }
                    try copy(inner, outer)
                case S_IFREG:
                    let file = openat(from.descriptor, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
                    guard file >= 0 else { throw DirectoryHandle.Failure(path: "assets/\(name)", code: errno) }
                    let data = FileHandle(fileDescriptor: file, closeOnDealloc: true).readDataToEndOfFile()
                    try to.createFile(name, contents: data)
                default:
                    continue
                }
            }
        }
        try copy(source, target)
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

    /// Replaces the output by the staging folder with renames inside `parent`, so readers see
    /// the old site or the new one; the old site becomes the spare that the next build rewrites.
    private func swap(_ parent: DirectoryHandle, staging: String) throws(DirectoryHandle.Failure) {
        let output = output.standardizedFileURL.lastPathComponent
        func move(_ from: String, _ to: String) throws(DirectoryHandle.Failure) {
            if renameat(parent.descriptor, from, parent.descriptor, to) != 0 {
                throw DirectoryHandle.Failure(path: to, code: errno)
            }
        }
        guard parent.status(of: output) != nil else { return try move(staging, output) }
        let old = sibling(".old-\(ProcessInfo.processInfo.processIdentifier)").lastPathComponent
        try? parent.remove(old)
        try move(output, old)
        do {
            try move(staging, output)
        } catch {
            try? move(old, output)
            throw error
        }
        if renameat(parent.descriptor, old, parent.descriptor, spare.lastPathComponent) != 0 { try? parent.remove(old) }
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
