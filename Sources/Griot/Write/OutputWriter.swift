import Foundation

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
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: staging)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw failure("cannot create the output folder: \(SourceFile.reason(error))", hint: "check that you may write to \(parent.path)")
        }
        do {
            try writeAll(files, into: staging, assets: assets)
            try Data().write(to: staging.appendingPathComponent(Self.marker))
            try swap(staging, into: output)
        } catch let failure as Failure {
            try? fileManager.removeItem(at: staging)
            throw failure
        } catch {
            try? fileManager.removeItem(at: staging)
            throw failure("cannot write the site: \(SourceFile.reason(error))", hint: "check the free space and permissions of \(parent.path)")
        }
    }

    private func writeAll(_ files: [OutputFile], into staging: URL, assets: URL?) throws {
        let directories = Set(files.map { ($0.path as NSString).deletingLastPathComponent }).sorted()
        for directory in directories where !directory.isEmpty {
            try FileManager.default.createDirectory(
                at: staging.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
        let failures = files.concurrentMap { file -> String? in
            do {
                try file.contents.write(to: staging.appendingPathComponent(file.path))
                return nil
            } catch {
                return "\(file.path): \(SourceFile.reason(error))"
            }
        }.compactMap { $0 }
        if let first = failures.first {
            throw failure("cannot write \(first)", hint: "check the free space and permissions of the output folder")
        }
        if let assets, FileManager.default.fileExists(atPath: assets.path) {
            try FileManager.default.copyItem(at: assets, to: staging.appendingPathComponent("assets"))
        }
    }

    /// Replaces `output` by `staging` with two renames, so readers see the old site or the new one.
    private func swap(_ staging: URL, into output: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: staging, to: output)
            return
        }
        let old = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: old)
        try fileManager.moveItem(at: output, to: old)
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            try? fileManager.moveItem(at: old, to: output)
            throw error
        }
        try? fileManager.removeItem(at: old)
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
                throw failure("the output path \(output.path) is a file, not a folder", hint: "remove it or choose another --output")
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
